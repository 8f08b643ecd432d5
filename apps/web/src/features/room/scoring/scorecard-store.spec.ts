import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Scorecard, ScorecardBody } from '@mockboard/protocol';
import { draftStorageKey, ScorecardStore } from './scorecard-store';
import { scorecardFixture } from './scorecard.fixture';
import { emptyDraft, parseStoredDraft, serializeStoredDraft, withSignal, withStep } from './scorecard-draft';

const card = scorecardFixture;

/** What the server would store for a body: text as sent, a new `updatedAt`. */
function stored(body: ScorecardBody, updatedAt: string): Scorecard {
  return card({
    steps: (body.steps ?? []).map((s) => ({ step: s.step, score: s.score ?? null, signals: s.signals ?? [], notes: s.notes ?? '' })),
    recommendation: body.recommendation ?? null,
    strengths: body.strengths ?? '',
    improvements: body.improvements ?? '',
    message: body.message ?? '',
    updatedAt,
  });
}

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

class Offline extends Error {}

function setup(storage = new MemoryStorage()) {
  const sent: ScorecardBody[] = [];
  const onServerCard = jest.fn<(card: Scorecard) => void>();
  const onLocked = jest.fn<() => void>();
  let answer: 'ok' | 'offline' | 'locked' = 'ok';
  let clock = Date.parse('2026-11-30T10:00:00.000Z');
  const store = new ScorecardStore('s1', {
    save: (body) => {
      sent.push(body);
      if (answer === 'offline') return Promise.reject(new Offline());
      if (answer === 'locked') return Promise.reject(new Error('locked'));
      return Promise.resolve(stored(body, new Date(clock).toISOString()));
    },
    classify: (error) => ({ kind: error instanceof Offline ? 'retry' : 'locked', message: 'x' }),
    onServerCard,
    onLocked,
    storage,
    now: () => clock,
  });
  return {
    store,
    storage,
    sent,
    onServerCard,
    onLocked,
    answer: (next: typeof answer) => (answer = next),
    tick: (ms: number) => (clock += ms),
  };
}

const key = draftStorageKey('s1');

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('ScorecardStore', () => {
  it('keeps an edit in the browser until the server has it, then forgets it', async () => {
    const { store, storage, sent, onServerCard } = setup();
    store.receive(card());
    store.edit((d) => withSignal(d, 'requirements', 'req-scale-latency', true));
    expect(store.getSnapshot().draft?.steps.requirements.signals).toEqual(['req-scale-latency']);
    expect(storage.getItem(key)).toContain('req-scale-latency');
    expect(store.getSnapshot().save.status).toBe('saving');
    await jest.advanceTimersByTimeAsync(600);
    expect(sent).toHaveLength(1);
    expect(onServerCard).toHaveBeenCalledTimes(1);
    expect(storage.getItem(key)).toBeNull();
    expect(store.getSnapshot().save.status).toBe('saved');
  });

  it('does not take back the echo of its own save (the server trims; the text box must not change under the cursor)', async () => {
    const { store, onServerCard } = setup();
    store.receive(card());
    store.edit((d) => withStep(d, 'model', { notes: 'baseline first ' }));
    await jest.advanceTimersByTimeAsync(600);
    const echo = onServerCard.mock.calls[0]?.[0];
    expect(echo?.steps.find((s) => s.step === 'model')?.notes).toBe('baseline first');
    store.receive(echo as Scorecard);
    expect(store.getSnapshot().draft?.steps.model.notes).toBe('baseline first ');
  });

  it('takes a newer server copy (another tab saved) only when nothing here is unsaved', async () => {
    const { store } = setup();
    store.receive(card({ updatedAt: '2026-11-30T09:00:00.000Z' }));
    store.edit((d) => withStep(d, 'data', { score: 2 }));
    const elsewhere = card({ updatedAt: '2026-11-30T09:30:00.000Z', recommendation: 'hire' });
    store.receive(elsewhere);
    expect(store.getSnapshot().draft?.steps.data.score).toBe(2);
    await jest.advanceTimersByTimeAsync(600);
    store.receive(card({ updatedAt: '2026-11-30T11:00:00.000Z', recommendation: 'hire' }));
    expect(store.getSnapshot().draft?.recommendation).toBe('hire');
    expect(store.getSnapshot().draft?.steps.data.score).toBeNull();
  });

  it('opens with the stored draft after a reload, and sends it', async () => {
    const storage = new MemoryStorage();
    const draft = withStep(emptyDraft(), 'serving', { score: 4 });
    storage.setItem(key, serializeStoredDraft({ draft, editedAt: 1, baseUpdatedAt: null }));
    const { store, sent } = setup(storage);
    store.receive(card());
    expect(store.getSnapshot().draft?.steps.serving.score).toBe(4);
    expect(store.unsaved).toBe(true);
    await jest.advanceTimersByTimeAsync(600);
    expect(sent[0]?.steps?.find((s) => s.step === 'serving')?.score).toBe(4);
    expect(storage.getItem(key)).toBeNull();
  });

  it('while offline, keeps the draft stored and retries; a reload before it went through still has it', async () => {
    const { store, storage, sent, answer } = setup();
    store.receive(card());
    answer('offline');
    store.edit((d) => withStep(d, 'evaluation', { notes: 'NDCG@10' }));
    await jest.advanceTimersByTimeAsync(600);
    expect(store.getSnapshot().save.status).toBe('offline');
    await jest.advanceTimersByTimeAsync(1000 + 2000);
    expect(sent).toHaveLength(3);
    expect(storage.getItem(key)).toContain('NDCG@10');

    // A reload (a new store) while still offline: the stored draft is what opens.
    const reloaded = setup(storage);
    reloaded.store.receive(card());
    expect(reloaded.store.getSnapshot().draft?.steps.evaluation.notes).toBe('NDCG@10');

    store.stop();
    await jest.advanceTimersByTimeAsync(600);
    expect(reloaded.sent).toHaveLength(1);
    expect(reloaded.store.getSnapshot().save.status).toBe('saved');
  });

  it('a change waiting behind a save stays stored with that save as its base', async () => {
    const { store, storage, tick } = setup();
    store.receive(card());
    store.edit((d) => withStep(d, 'framing', { score: 1 }));
    await jest.advanceTimersByTimeAsync(600);
    expect(storage.getItem(key)).toBeNull();
    tick(1000);
    store.edit((d) => withStep(d, 'framing', { score: 2 }));
    const flushed = store.flush();
    store.edit((d) => withStep(d, 'framing', { score: 3 }));
    expect(parseStoredDraft(storage.getItem(key))?.baseUpdatedAt).toBe('2026-11-30T10:00:00.000Z');
    await flushed;
    // Flushed through both; nothing left.
    expect(storage.getItem(key)).toBeNull();
  });

  it('a change made while a save is on its way is stored on top of that save, so a reload keeps it', async () => {
    const storage = new MemoryStorage();
    let answer: (card: Scorecard) => void = () => undefined;
    const store = new ScorecardStore('s1', {
      save: () => new Promise<Scorecard>((resolve) => (answer = resolve)),
      classify: () => ({ kind: 'retry', message: 'x' }),
      onServerCard: () => undefined,
      onLocked: () => undefined,
      storage,
      now: () => Date.parse('2026-11-30T10:00:00.000Z'),
    });
    store.receive(card({ updatedAt: '2026-11-30T09:00:00.000Z' }));
    store.edit((d) => withStep(d, 'framing', { score: 1 }));
    await jest.advanceTimersByTimeAsync(600);
    store.edit((d) => withStep(d, 'framing', { score: 2 }));
    expect(parseStoredDraft(storage.getItem(key))?.baseUpdatedAt).toBe('2026-11-30T09:00:00.000Z');
    // The first save lands with a server time later than the second edit's: the stored draft must still win.
    answer(card({ updatedAt: '2026-11-30T10:00:05.000Z', steps: card().steps.map((s) => (s.step === 'framing' ? { ...s, score: 1 } : s)) }));
    await jest.advanceTimersByTimeAsync(0);
    const kept = parseStoredDraft(storage.getItem(key));
    expect(kept?.baseUpdatedAt).toBe('2026-11-30T10:00:05.000Z');
    expect(kept?.draft.steps.framing.score).toBe(2);
    store.stop();
  });

  it('locks when the server says the card is submitted, and reads it again', async () => {
    const { store, answer, onLocked } = setup();
    store.receive(card());
    answer('locked');
    store.edit((d) => withStep(d, 'monitoring', { score: 'not_covered' }));
    await jest.advanceTimersByTimeAsync(600);
    expect(store.getSnapshot().save.status).toBe('locked');
    expect(onLocked).toHaveBeenCalledTimes(1);
    store.receive(card({ status: 'submitted', updatedAt: '2026-11-30T12:00:00.000Z' }));
    expect(store.getSnapshot().status).toBe('submitted');
    store.edit((d) => withStep(d, 'monitoring', { score: 1 }));
    expect(store.getSnapshot().draft?.steps.monitoring.score).toBeNull();
    expect(onLocked).toHaveBeenCalledTimes(1);
  });

  it('a submitted card opens read-only and drops what the browser kept', () => {
    const storage = new MemoryStorage();
    storage.setItem(key, serializeStoredDraft({ draft: withStep(emptyDraft(), 'serving', { score: 4 }), editedAt: Date.now() + 1e9, baseUpdatedAt: null }));
    const { store, onLocked } = setup(storage);
    store.receive(card({ status: 'released', updatedAt: '2026-11-30T12:00:00.000Z' }));
    expect(store.getSnapshot().draft?.steps.serving.score).toBeNull();
    expect(store.getSnapshot().save.status).toBe('locked');
    expect(storage.getItem(key)).toBeNull();
    expect(onLocked).not.toHaveBeenCalled();
  });
});
