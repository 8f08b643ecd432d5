import { stepBudgetsMs } from '@mockboard/interview';
import { seededRandom } from '@mockboard/testing';
import * as Y from 'yjs';
import { editingHistory } from '../../../../tests/support/yjs-history';
import { buildRecording, KEYFRAME_EVERY_MS, KEYFRAME_EVERY_UPDATES, type RecordingInputs, type RecordingLogRow, type RecordingTimelineRow } from './recording-builder';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0 + ms);
const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';

/** Timeline rows in order, numbered from 1, `all` unless told. */
function timeline(...rows: Array<Partial<RecordingTimelineRow> & { type: string; atMs: number }>): RecordingTimelineRow[] {
  return rows.map(({ atMs, ...row }, i) => ({ seq: i + 1, at: at(atMs), userId: ALICE, payload: {}, visibility: 'all', ...row }));
}

/** Log rows numbered from 1, at the given session times. */
function logOf(entries: Array<{ update: Uint8Array; atMs: number; userId?: string | null }>): RecordingLogRow[] {
  return entries.map((e, i) => ({ seq: i + 1, userId: e.userId === undefined ? ALICE : e.userId, createdAt: at(e.atMs), update: e.update }));
}

function inputsOf(events: RecordingTimelineRow[], log: RecordingLogRow[]): RecordingInputs {
  return {
    sessionId: '00000000-0000-4000-8000-000000000001',
    durationMinutes: 45,
    events,
    log,
    participants: [
      { userId: ALICE, displayName: 'Alice', role: 'interviewer' },
      { userId: BOB, displayName: 'Bob', role: 'candidate' },
    ],
  };
}

/** `count` one-key edits by one client, each its own update. */
function smallEdits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('elements').set(`k${i % 7}`, i);
  return updates;
}

function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

const contentOf = (doc: Y.Doc) => ({
  elements: doc.getMap('elements').toJSON(),
  notes: doc.getMap('notes').toJSON(),
  list: doc.getArray('list').toJSON(),
  stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b),
});

const startEnd = (endMs: number) => timeline({ type: 'started', atMs: 0 }, { type: 'ended', atMs: endMs });

describe('buildRecording (rule V2)', () => {
  it(`V2: a keyframe every ${KEYFRAME_EVERY_UPDATES} updates when they come fast, each the document after exactly its seq`, async () => {
    const updates = smallEdits(2 * KEYFRAME_EVERY_UPDATES + 123);
    const built = await buildRecording(inputsOf(startEnd(1_000), logOf(updates.map((update, i) => ({ update, atMs: Math.floor(i / 100) })))));
    expect(built.keyframes.map((k) => k.seq)).toEqual([KEYFRAME_EVERY_UPDATES, 2 * KEYFRAME_EVERY_UPDATES]);
    for (const keyframe of built.keyframes) {
      expect(keyframe.atMs).toBe(built.index.find((u) => u.seq === keyframe.seq)?.atMs);
      expect(contentOf(docOf([keyframe.state]))).toEqual(contentOf(docOf(updates.slice(0, keyframe.seq))));
    }
    expect(built.stats).toMatchObject({ updates: updates.length, keyframes: 2 });
  });

  it(`V2: a keyframe once ${KEYFRAME_EVERY_MS} ms of session time have passed since the last, taken at the update that crosses it`, async () => {
    const times = [0, 10_000, KEYFRAME_EVERY_MS - 1, KEYFRAME_EVERY_MS, KEYFRAME_EVERY_MS + 5, 2 * KEYFRAME_EVERY_MS - 1, 2 * KEYFRAME_EVERY_MS + 10_000, 100_000];
    const updates = smallEdits(times.length);
    const built = await buildRecording(inputsOf(startEnd(100_000), logOf(updates.map((update, i) => ({ update, atMs: times[i] ?? 0 })))));
    // From 0: 30 000 (seq 4); then 70 000 (seq 7: 30 005 and 59 999 come too soon after 30 000); then 100 000, exactly 30 000 later.
    expect(built.keyframes.map(({ atMs, seq }) => ({ atMs, seq }))).toEqual([
      { atMs: KEYFRAME_EVERY_MS, seq: 4 },
      { atMs: 2 * KEYFRAME_EVERY_MS + 10_000, seq: 7 },
      { atMs: 100_000, seq: 8 },
    ]);
  });

  it('V2: no keyframe at all for a short session, and an empty log gives an empty recording of the right length', async () => {
    const short = await buildRecording(inputsOf(startEnd(5_000), logOf(smallEdits(10).map((update, i) => ({ update, atMs: i * 100 })))));
    expect(short.keyframes).toEqual([]);
    expect(short.index).toHaveLength(10);
    const empty = await buildRecording(inputsOf(startEnd(5_000), []));
    expect(empty).toMatchObject({ durationMs: 5_000, startedAt: at(0), keyframes: [], index: [], markers: [] });
    expect(empty.steps).toEqual([{ step: 'requirements', startMs: 0, endMs: 5_000 }]);
  });

  it('V2: update times are clamped to the session (edits before the start at 0, after the end at durationMs) and never go down', async () => {
    const events = timeline({ type: 'chat', atMs: -5_000, payload: { text: 'early', displayName: 'Alice' } }, { type: 'started', atMs: 0 }, { type: 'ended', atMs: 10_000 });
    const updates = smallEdits(7);
    // Before the start, during, a clock step back (the room stamps in seq order), during, after the end.
    const times = [-60_000, -1, 2_000, 1_500, 4_000, 10_001, 99_000];
    const built = await buildRecording(inputsOf(events, logOf(updates.map((update, i) => ({ update, atMs: times[i] ?? 0 })))));
    expect(built.durationMs).toBe(10_000);
    expect(built.startedAt).toEqual(at(0));
    expect(built.index).toEqual([
      { seq: 1, atMs: 0 },
      { seq: 2, atMs: 0 },
      { seq: 3, atMs: 2_000 },
      { seq: 4, atMs: 2_000 },
      { seq: 5, atMs: 4_000 },
      { seq: 6, atMs: 10_000 },
      { seq: 7, atMs: 10_000 },
    ]);
    // The chat before the start sits at 0 too.
    expect(built.markers.map((m) => m.atMs)).toEqual([0]);
  });

  it('V2: a random multi-client history: atMs never goes down, and every keyframe is the log replayed to its seq', async () => {
    const random = seededRandom(20261130);
    const updates = editingHistory(random, { clients: 3, edits: 1_400 });
    let t = -2_000;
    const log = logOf(updates.map((update) => ({ update, atMs: (t += random.int(150) - 20), userId: random.pick([ALICE, BOB]) })));
    const built = await buildRecording(inputsOf(startEnd(t - 1_000), log));
    expect(built.index.map((u) => u.seq)).toEqual(log.map((r) => r.seq));
    for (let i = 1; i < built.index.length; i++) expect(built.index[i]?.atMs).toBeGreaterThanOrEqual(built.index[i - 1]?.atMs ?? 0);
    expect(built.keyframes.length).toBeGreaterThanOrEqual(2);
    for (const keyframe of built.keyframes) expect(contentOf(docOf([keyframe.state]))).toEqual(contentOf(docOf(updates.slice(0, keyframe.seq))));
  });

  it('V2, V4: chat, clarification and rubric-note markers with their visibility, session time and seq; other events make none', async () => {
    const events = timeline(
      { type: 'started', atMs: 0 },
      { type: 'chat', atMs: 1_000, userId: BOB, payload: { text: 'hi', displayName: 'Bob' } },
      { type: 'clarification_revealed', atMs: 2_000, payload: { clarificationId: 'scale', question: 'How many users?', answer: '1B' } },
      { type: 'rubric_note', atMs: 3_000, payload: { text: 'good framing', step: 'framing' }, visibility: 'interviewer' },
      { type: 'rubric_note', atMs: 3_500, payload: { text: 'no step', step: 'not-a-step' }, visibility: 'interviewer' },
      { type: 'paused', atMs: 4_000 },
      { type: 'resumed', atMs: 5_000 },
      { type: 'ended', atMs: 6_000 },
      { type: 'rubric_note', atMs: 60_000, payload: { text: 'after the end', step: 'data' }, visibility: 'interviewer' },
    );
    const built = await buildRecording(inputsOf(events, []));
    expect(built.markers).toEqual([
      { type: 'chat', atMs: 1_000, seq: 2, userId: BOB, visibility: 'all', displayName: 'Bob', text: 'hi' },
      { type: 'clarification', atMs: 2_000, seq: 3, userId: ALICE, visibility: 'all', clarificationId: 'scale', question: 'How many users?', answer: '1B' },
      { type: 'rubric_note', atMs: 3_000, seq: 4, userId: ALICE, visibility: 'interviewer', step: 'framing', text: 'good framing' },
      { type: 'rubric_note', atMs: 3_500, seq: 5, userId: ALICE, visibility: 'interviewer', step: null, text: 'no step' },
      { type: 'rubric_note', atMs: 6_000, seq: 9, userId: ALICE, visibility: 'interviewer', step: 'data', text: 'after the end' },
    ]);
  });

  it('V2: step segments in order (a revisited step twice, a zero-length one left out) and per-step time spent without the pauses', async () => {
    const step = (atMs: number, from: string, to: string) => ({ type: 'step_changed', atMs, payload: { from, to } });
    const events = timeline(
      { type: 'started', atMs: 0 },
      step(10_000, 'requirements', 'framing'),
      { type: 'paused', atMs: 15_000 },
      { type: 'resumed', atMs: 25_000 },
      step(30_000, 'framing', 'data'),
      step(30_000, 'data', 'model'),
      { type: 'paused', atMs: 40_000 },
      step(45_000, 'model', 'framing'),
      { type: 'resumed', atMs: 50_000 },
      { type: 'ended', atMs: 70_000 },
    );
    const built = await buildRecording(inputsOf(events, []));
    expect(built.steps).toEqual([
      { step: 'requirements', startMs: 0, endMs: 10_000 },
      { step: 'framing', startMs: 10_000, endMs: 30_000 },
      { step: 'model', startMs: 30_000, endMs: 45_000 },
      { step: 'framing', startMs: 45_000, endMs: 70_000 },
    ]);
    const budgets = stepBudgetsMs(45);
    const spent = Object.fromEntries(built.stats.steps.map((s) => [s.step, s.spentMs]));
    // framing: 10-15 s, 25-30 s, then 50-70 s after the second pause; model: 30-40 s.
    expect(spent).toEqual({ requirements: 10_000, framing: 30_000, data: 0, model: 10_000, evaluation: 0, serving: 0, monitoring: 0 });
    expect(built.stats.steps.map((s) => s.budgetMs)).toEqual(Object.values(budgets));
    expect(built.stats.pauses).toEqual([
      { startMs: 15_000, endMs: 25_000 },
      { startMs: 40_000, endMs: 50_000 },
    ]);
  });

  it('V2: a pause still open at the end closes at the end', async () => {
    const built = await buildRecording(inputsOf(timeline({ type: 'started', atMs: 0 }, { type: 'paused', atMs: 4_000 }, { type: 'ended', atMs: 9_000 }), []));
    expect(built.stats.pauses).toEqual([{ startMs: 4_000, endMs: 9_000 }]);
    expect(built.stats.steps.find((s) => s.step === 'requirements')?.spentMs).toBe(4_000);
  });

  it('V2: edits and elements created per participant and per step; an element overwritten or re-added is not created again', async () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const rows: Array<{ update: Uint8Array; atMs: number; userId: string | null }> = [];
    const edit = (doc: Y.Doc, userId: string | null, atMs: number, change: (elements: Y.Map<unknown>) => void) => {
      const before = Y.encodeStateVector(doc);
      change(doc.getMap('elements'));
      const update = Y.encodeStateAsUpdate(doc, before);
      Y.applyUpdate(doc === alice ? bob : alice, update);
      rows.push({ update, atMs, userId });
    };
    edit(alice, ALICE, 1_000, (e) => {
      e.set('box', { v: 1 });
      e.set('arrow', { v: 1 });
    });
    edit(bob, BOB, 2_000, (e) => e.set('box', { v: 2 })); // an overwrite: no new element
    edit(bob, BOB, 12_000, (e) => e.set('db', { v: 1 })); // in `framing`
    edit(alice, ALICE, 13_000, (e) => e.delete('arrow'));
    edit(bob, BOB, 14_000, (e) => e.set('arrow', { v: 2 })); // re-added: created once only, by Alice
    edit(bob, null, 15_000, (e) => e.set('system', { v: 1 })); // no author: in no one's stats
    const events = timeline({ type: 'started', atMs: 0 }, { type: 'step_changed', atMs: 10_000, payload: { from: 'requirements', to: 'framing' } }, { type: 'ended', atMs: 130_000 });
    const built = await buildRecording(inputsOf(events, logOf(rows)));

    expect(built.stats.participants).toEqual([
      { userId: ALICE, edits: 2, elementsCreated: 2 },
      { userId: BOB, edits: 3, elementsCreated: 1 },
    ]);
    const activity = Object.fromEntries(built.stats.steps.map((s) => [s.step, s.activity]));
    expect(activity['requirements']).toEqual([
      { userId: ALICE, edits: 1, elementsCreated: 2 },
      { userId: BOB, edits: 1, elementsCreated: 0 },
    ]);
    expect(activity['framing']).toEqual([
      { userId: BOB, edits: 2, elementsCreated: 1 },
      { userId: ALICE, edits: 1, elementsCreated: 0 },
    ]);
    expect(built.stats.editsPerMinute).toEqual([
      { userId: ALICE, counts: [2, 0, 0] },
      { userId: BOB, counts: [3, 0, 0] },
    ]);
    // Each participant's Yjs client id, for "who drew what".
    expect(built.participants).toEqual([
      { userId: ALICE, displayName: 'Alice', role: 'interviewer', clientIds: [alice.clientID] },
      { userId: BOB, displayName: 'Bob', role: 'candidate', clientIds: [bob.clientID] },
    ]);
    // Quiet stretches of 10 s or more, the ends included.
    expect(built.stats.idleGaps).toEqual([{ startMs: 15_000, endMs: 130_000 }]);
  });

  it('V2: a log row that fails the update check (not Yjs, or with a gap) is left out of the index and the document; the rest replays', async () => {
    const updates = smallEdits(4);
    const log = logOf([
      { update: updates[0] as Uint8Array, atMs: 100 },
      { update: Uint8Array.from([0xff, 0xff, 0xff, 0x01, 0x02]), atMs: 200 },
      // Updates 3 and 4 of a client that never sent 2: a gap.
      { update: updates[2] as Uint8Array, atMs: 300 },
      { update: updates[1] as Uint8Array, atMs: 400 },
      { update: updates[2] as Uint8Array, atMs: 500 },
      { update: updates[3] as Uint8Array, atMs: 600 },
    ]);
    const built = await buildRecording(inputsOf(startEnd(1_000), log));
    expect(built.index).toEqual([
      { seq: 1, atMs: 100 },
      { seq: 4, atMs: 400 },
      { seq: 5, atMs: 500 },
      { seq: 6, atMs: 600 },
    ]);
    expect(built.stats.updates).toBe(4);
    expect(built.stats.logBytes).toBe(log.reduce((sum, r) => sum + r.update.byteLength, 0));
  });

  it('V2: a timeline naming an unknown step throws, naming the event; so does one without an end', async () => {
    const events = timeline({ type: 'started', atMs: 0 }, { type: 'step_changed', atMs: 1_000, payload: { from: 'requirements', to: 'astrology' } }, { type: 'ended', atMs: 2_000 });
    await expect(buildRecording(inputsOf(events, []))).rejects.toThrow('timeline event 2 names an unknown step');
    await expect(buildRecording(inputsOf(timeline({ type: 'started', atMs: 0 }), []))).rejects.toThrow('the session has not ended');
    const noText = timeline({ type: 'started', atMs: 0 }, { type: 'chat', atMs: 1, payload: {} }, { type: 'ended', atMs: 2 });
    await expect(buildRecording(inputsOf(noText, []))).rejects.toThrow('timeline event 2 (chat) has no');
  });

  it('V2: a session ended before it started is a recording of length 0 with every moment at 0', async () => {
    const events = timeline({ type: 'chat', atMs: 0, payload: { text: 'bye', displayName: 'Alice' } }, { type: 'ended', atMs: 5_000, payload: { cancelled: true } });
    const built = await buildRecording(inputsOf(events, logOf(smallEdits(3).map((update, i) => ({ update, atMs: i * 1_000 })))));
    expect(built).toMatchObject({ durationMs: 0, startedAt: null, steps: [] });
    expect(built.index.map((u) => u.atMs)).toEqual([0, 0, 0]);
    expect(built.markers.map((m) => m.atMs)).toEqual([0]);
  });

  it('V2: progress is reported as the log replays, rising by at least 5, below 100', async () => {
    const updates = smallEdits(1_000);
    const progress: number[] = [];
    await buildRecording(inputsOf(startEnd(1_000), logOf(updates.map((update) => ({ update, atMs: 1 })))), (p) => {
      progress.push(p);
    });
    expect(progress.length).toBeGreaterThanOrEqual(15);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual((progress[i - 1] ?? 0) + 5);
    expect(Math.max(...progress)).toBe(99);
    expect(Math.min(...progress)).toBeGreaterThanOrEqual(0);
  });
});
