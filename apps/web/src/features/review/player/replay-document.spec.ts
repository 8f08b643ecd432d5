import { describe, expect, it } from '@jest/globals';
import { DOC_KEYS, type RecordedUpdate } from '@mockboard/protocol';
import * as Y from 'yjs';
import { MIN_STATE_GAP_MS, ReplayDocument, type RecordingSource } from './replay-document';
import { CHUNK_MS } from './update-chunks';

/** A recording of one element per step, drawn at the given moments, and a source serving it as the server would. */
function recordingOf(moments: readonly number[]) {
  const live = new Y.Doc();
  const log: RecordedUpdate[] = [];
  live.on('update', (update: Uint8Array) => log.push({ atMs: moments[log.length] ?? 0, update }));
  moments.forEach((_, index) => live.getMap(DOC_KEYS.elements).set(`e${String(index)}`, { index }));
  const calls: string[] = [];
  const source: RecordingSource = {
    stateAt: (at) => {
      calls.push(`state ${String(at)}`);
      return Promise.resolve(Y.mergeUpdates(log.filter((u) => u.atMs <= at).map((u) => u.update)));
    },
    updates: (from, to) => {
      calls.push(`updates ${String(from)}-${String(to)}`);
      return Promise.resolve(log.filter((u) => u.atMs >= from && u.atMs <= to));
    },
  };
  return { source, calls };
}

/** Long enough for a held-back state request to go out and land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, MIN_STATE_GAP_MS + 5));

function player(moments: readonly number[], durationMs: number) {
  const { source, calls } = recordingOf(moments);
  const seen: Array<{ atMs: number; keys: string[] }> = [];
  const errors: unknown[] = [];
  const replay = new ReplayDocument(source, durationMs, (doc, atMs) => seen.push({ atMs, keys: [...doc.getMap(DOC_KEYS.elements).keys()].sort() }), (e) => errors.push(e));
  return { replay, calls, seen, errors, last: () => seen.at(-1) };
}

describe('ReplayDocument', () => {
  it('opens on the state at the playhead, then plays forward through the chunks read ahead, without asking for state again', async () => {
    const { replay, calls, last } = player([1_000, 5_000, 40_000], 60_000);
    replay.moveTo(2_000);
    await settle();
    expect(last()).toEqual({ atMs: 2_000, keys: ['e0'] });

    replay.prefetch([{ index: 0, fromMs: 0, toMs: CHUNK_MS - 1 }]);
    await settle();
    replay.moveTo(5_000);
    expect(last()).toEqual({ atMs: 5_000, keys: ['e0', 'e1'] });
    replay.moveTo(45_000);
    await settle();
    expect(last()).toEqual({ atMs: 45_000, keys: ['e0', 'e1', 'e2'] });
    expect(calls).toEqual(['state 2000', 'updates 0-29999', 'updates 30000-59999']);
  });

  it('goes back, and far ahead, by asking for the state at the target', async () => {
    const { replay, calls, last } = player([1_000, 5_000, 200_000], 300_000);
    replay.moveTo(10_000);
    await settle();
    replay.moveTo(3_000);
    await settle();
    expect(last()).toEqual({ atMs: 3_000, keys: ['e0'] });
    replay.moveTo(250_000);
    await settle();
    expect(last()).toEqual({ atMs: 250_000, keys: ['e0', 'e1', 'e2'] });
    expect(calls).toEqual(['state 10000', 'state 3000', 'state 250000']);
  });

  it('runs one state request at a time and then catches up with where the playhead went meanwhile', async () => {
    const { replay, calls, seen } = player([1_000, 5_000, 9_000], 10_000);
    replay.moveTo(10_000);
    replay.moveTo(2_000);
    replay.moveTo(1_500);
    await settle();
    await settle();
    expect(seen.map((s) => s.atMs)).toEqual([10_000, 1_500]);
    expect(seen.at(-1)?.keys).toEqual(['e0']);
    expect(calls).toEqual(['state 10000', 'state 1500']);
  });

  it('asks for state at most once per MIN_STATE_GAP_MS while the scrubber is dragged, and ends where the drag stopped', async () => {
    const { replay, calls, last } = player([1_000, 5_000, 9_000], 10_000);
    replay.moveTo(10_000);
    await settle();
    // Sixty moves back in a few milliseconds: one request goes out at once, the rest wait for the gap.
    for (let at = 9_900; at >= 3_900; at -= 100) replay.moveTo(at);
    await settle();
    await settle();
    expect(calls).toEqual(['state 10000', 'state 9900', 'state 3900']);
    expect(last()).toEqual({ atMs: 3_900, keys: ['e0'] });
  });

  it('reports a failed read and tries again on the next move', async () => {
    const { source } = recordingOf([1_000]);
    let fail = true;
    const errors: unknown[] = [];
    const seen: number[] = [];
    const replay = new ReplayDocument(
      { ...source, stateAt: (at) => (fail ? Promise.reject(new Error('offline')) : source.stateAt(at)) },
      10_000,
      (_doc, atMs) => seen.push(atMs),
      (error) => errors.push(error),
    );
    replay.moveTo(5_000);
    await settle();
    expect(errors).toHaveLength(1);
    fail = false;
    replay.moveTo(5_000);
    await settle();
    expect(seen).toEqual([5_000]);
  });
});
