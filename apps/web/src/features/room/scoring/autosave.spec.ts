import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Autosave, retryDelayMs, type AutosaveStatus, type FailureKind } from './autosave';

class Refusal extends Error {
  constructor(readonly kind: FailureKind) {
    super(kind);
  }
}

/** A save function the test answers by hand: each call waits until `resolve`/`reject` is called for it. */
function harness(debounceMs = 600) {
  const calls: { value: string; resolve: () => void; reject: (kind: FailureKind) => void }[] = [];
  const statuses: AutosaveStatus[] = [];
  const saved: { value: string; settled: boolean }[] = [];
  const autosave = new Autosave<string, string>({
    debounceMs,
    save: (value) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ value, resolve: () => resolve(`ok:${value}`), reject: (kind) => reject(new Refusal(kind)) });
      }),
    onSaved: (value, _result, settled) => saved.push({ value, settled }),
    onState: (state) => statuses.push(state.status),
    classify: (error) => ({ kind: error instanceof Refusal ? error.kind : 'retry', message: 'no' }),
  });
  return { autosave, calls, statuses, saved };
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('Autosave', () => {
  it('debounces: a burst of changes is one save of the newest value', async () => {
    const { autosave, calls, statuses } = harness();
    autosave.change('a');
    await jest.advanceTimersByTimeAsync(300);
    autosave.change('ab');
    await jest.advanceTimersByTimeAsync(599);
    expect(calls).toHaveLength(0);
    expect(autosave.unsaved).toBe(true);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.value)).toEqual(['ab']);
    calls[0]?.resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual(['saving', 'saved']);
    expect(autosave.unsaved).toBe(false);
  });

  it('sends one request at a time: a change made during a save goes after it', async () => {
    const { autosave, calls, saved } = harness();
    autosave.change('a');
    await jest.advanceTimersByTimeAsync(600);
    autosave.change('b');
    autosave.change('c');
    await jest.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    calls[0]?.resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([{ value: 'a', settled: false }]);
    expect(autosave.current.status).toBe('saving');
    await jest.advanceTimersByTimeAsync(600);
    expect(calls.map((c) => c.value)).toEqual(['a', 'c']);
    calls[1]?.resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect(saved.at(-1)).toEqual({ value: 'c', settled: true });
    expect(autosave.current.status).toBe('saved');
  });

  it('retries a failed save with a growing delay until it goes through, and says it is offline meanwhile', async () => {
    const { autosave, calls, statuses } = harness();
    autosave.change('a');
    await jest.advanceTimersByTimeAsync(600);
    calls[0]?.reject('retry');
    await jest.advanceTimersByTimeAsync(0);
    expect(autosave.current.status).toBe('offline');
    await jest.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]?.reject('retry');
    await jest.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    // A change while offline waits for the retry (and replaces the value it sends).
    autosave.change('ab');
    await jest.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.value)).toEqual(['a', 'a', 'ab']);
    calls[2]?.resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual(['saving', 'offline', 'saved']);
    expect(autosave.unsaved).toBe(false);
  });

  it('backs off up to every 15 s', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });

  it('stops at a refusal retrying cannot fix, keeps the value, and tries again on the next change', async () => {
    const { autosave, calls } = harness();
    autosave.change('a');
    await jest.advanceTimersByTimeAsync(600);
    calls[0]?.reject('failed');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(autosave.current).toEqual({ status: 'failed', error: 'no' });
    expect(autosave.unsaved).toBe(true);
    autosave.change('b');
    await jest.advanceTimersByTimeAsync(600);
    expect(calls.map((c) => c.value)).toEqual(['a', 'b']);
  });

  it('stops for good once the card is locked, dropping what waited', async () => {
    const { autosave, calls } = harness();
    autosave.change('a');
    await jest.advanceTimersByTimeAsync(600);
    autosave.change('b');
    calls[0]?.reject('locked');
    await jest.advanceTimersByTimeAsync(60_000);
    autosave.change('c');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(autosave.current.status).toBe('locked');
    expect(autosave.unsaved).toBe(false);
  });

  it('flush sends at once and resolves when everything is saved, or false when it could not be', async () => {
    const { autosave, calls } = harness();
    await expect(autosave.flush()).resolves.toBe(true);
    autosave.change('a');
    const first = autosave.flush();
    expect(calls.map((c) => c.value)).toEqual(['a']);
    autosave.change('b');
    calls[0]?.resolve();
    await jest.advanceTimersByTimeAsync(0);
    // The change made during the first save is sent straight after it, not debounced, for the flush.
    expect(calls.map((c) => c.value)).toEqual(['a', 'b']);
    calls[1]?.resolve();
    await expect(first).resolves.toBe(true);

    autosave.change('c');
    const second = autosave.flush();
    calls[2]?.reject('retry');
    await expect(second).resolves.toBe(false);
    // ...and keeps retrying behind the scenes.
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(4);
  });

  it('stop sends what waits once and retries no more; start takes up again', async () => {
    const { autosave, calls } = harness();
    autosave.change('a');
    autosave.stop();
    expect(calls.map((c) => c.value)).toEqual(['a']);
    calls[0]?.reject('retry');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    autosave.start();
    await jest.advanceTimersByTimeAsync(600);
    expect(calls.map((c) => c.value)).toEqual(['a', 'a']);
  });
});
