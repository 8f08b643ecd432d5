import { isStepId, sessionClock, STEP_IDS, type ClockEvent, type FrameworkStepId } from '@mockboard/interview';
import {
  DOC_KEYS,
  IDLE_GAP_MS,
  type RecordingActivity,
  type RecordingMarker,
  type RecordingParticipant,
  type RecordingStats,
  type RecordingStepSegment,
} from '@mockboard/protocol';
import * as Y from 'yjs';
import { checkUpdate, knownContentOf } from '../update-check';

/** A keyframe is taken once this many updates, or this much session time, have passed since the last. */
export const KEYFRAME_EVERY_UPDATES = 200;
export const KEYFRAME_EVERY_MS = 30_000;
/** Updates replayed between two turns of the event loop: an embedded worker shares it with the rooms. */
const UPDATES_PER_TURN = 200;

export interface RecordingLogRow {
  seq: number;
  userId: string | null;
  createdAt: Date;
  update: Uint8Array;
}

export interface RecordingTimelineRow {
  seq: number;
  at: Date;
  userId: string | null;
  type: string;
  payload: Record<string, unknown>;
  visibility: 'all' | 'interviewer';
}

export interface RecordingInputs {
  sessionId: string;
  durationMinutes: number;
  events: readonly RecordingTimelineRow[];
  /** The whole update log, in seq order. */
  log: readonly RecordingLogRow[];
  participants: ReadonlyArray<Omit<RecordingParticipant, 'clientIds'>>;
}

export type StoredMarker = RecordingMarker & { visibility: 'all' | 'interviewer' };

export interface BuiltRecording {
  durationMs: number;
  startedAt: Date | null;
  /** The last timeline event read. */
  timelineSeq: number;
  steps: RecordingStepSegment[];
  markers: StoredMarker[];
  stats: RecordingStats;
  participants: RecordingParticipant[];
  keyframes: Array<{ atMs: number; seq: number; state: Uint8Array }>;
  /** Every update integrated, with its session time; times never go down. */
  index: Array<{ seq: number; atMs: number }>;
}

/**
 * Turns a session's update log and timeline into a recording (docs/protocol.md, rule V2). Pure apart
 * from `onProgress`, which hears 0..99 as the log is replayed; a timeline that cannot be read throws.
 */
export async function buildRecording(inputs: RecordingInputs, onProgress: (percent: number) => Promise<void> | void = () => undefined): Promise<BuiltRecording> {
  const { events } = inputs;
  const started = events.find((e) => e.type === 'started');
  const ended = events.find((e) => e.type === 'ended');
  if (!ended) throw new Error('the session has not ended');
  const startedAt = started && started.at.getTime() <= ended.at.getTime() ? started.at : null;
  const durationMs = startedAt ? ended.at.getTime() - startedAt.getTime() : 0;
  const timeOf = sessionTimeOf(startedAt, durationMs);

  const clockEvents = events.flatMap((event) => clockEventOf(event));
  const steps = stepSegments(clockEvents, timeOf, durationMs);
  const pauses = pausesOf(events, timeOf, durationMs);
  const markers = recordingMarkers(events, startedAt, durationMs);

  const doc = new Y.Doc();
  const elements = doc.getMap(DOC_KEYS.elements);
  const seenElements = new Set<string>();
  let createdNow: string[] = [];
  elements.observe((event) => {
    event.changes.keys.forEach((change, key) => {
      if (change.action === 'add' && !seenElements.has(key)) {
        seenElements.add(key);
        createdNow.push(key);
      }
    });
  });

  const overall = new Activity();
  const perStep = new Map<FrameworkStepId, Activity>(STEP_IDS.map((step) => [step, new Activity()]));
  const minutes = Math.max(1, Math.ceil(durationMs / 60_000));
  const perMinute = new Map<string, number[]>();
  const clientUsers = new Map<number, string>();
  const keyframes: BuiltRecording['keyframes'] = [];
  const index: BuiltRecording['index'] = [];
  let logBytes = 0;
  let lastKeyframe = { count: 0, atMs: 0 };
  let atMs = 0;
  let reported = -1;

  for (const [i, row] of inputs.log.entries()) {
    if (i % UPDATES_PER_TURN === UPDATES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    logBytes += row.update.byteLength;
    const check = checkUpdate(row.update, knownContentOf(doc));
    // A row the room would set aside on load is left out here too (rule S10): the recording shows what loads.
    if (!check.ok) continue;
    // The room stamps rows as it receives them, in seq order; a clock step back must not reorder the replay.
    atMs = Math.max(atMs, timeOf(row.createdAt));
    createdNow = [];
    Y.applyUpdate(doc, row.update);
    index.push({ seq: row.seq, atMs });

    if (row.userId) {
      const step = stepAt(steps, atMs);
      overall.add(row.userId, createdNow.length);
      if (step) perStep.get(step)?.add(row.userId, createdNow.length);
      const counts = perMinute.get(row.userId) ?? new Array<number>(minutes).fill(0);
      const minute = Math.min(minutes - 1, Math.floor(atMs / 60_000));
      counts[minute] = (counts[minute] ?? 0) + 1;
      perMinute.set(row.userId, counts);
      for (const client of check.clocks.keys()) if (!clientUsers.has(client)) clientUsers.set(client, row.userId);
    }

    const since = index.length - lastKeyframe.count;
    if (since >= KEYFRAME_EVERY_UPDATES || (since > 0 && atMs - lastKeyframe.atMs >= KEYFRAME_EVERY_MS)) {
      keyframes.push({ atMs, seq: row.seq, state: Y.encodeStateAsUpdate(doc) });
      lastKeyframe = { count: index.length, atMs };
    }
    const percent = Math.floor(((i + 1) / inputs.log.length) * 99);
    if (percent >= reported + 5) {
      reported = percent;
      await onProgress(percent);
    }
  }
  doc.destroy();

  const clock = sessionClock(clockEvents, inputs.durationMinutes, ended.at.getTime());
  const recordingBytes = keyframes.reduce((sum, k) => sum + k.state.byteLength, 0) + index.length * 16;
  const stats: RecordingStats = {
    steps: clock.steps.map(({ step, budgetMs, elapsedMs }) => ({ step, budgetMs, spentMs: elapsedMs, activity: perStep.get(step)?.list() ?? [] })),
    participants: overall.list(),
    editsPerMinute: [...perMinute].map(([userId, counts]) => ({ userId, counts })),
    pauses,
    idleGaps: idleGaps([...index.map((u) => u.atMs), ...events.map((e) => timeOf(e.at))], durationMs),
    updates: index.length,
    keyframes: keyframes.length,
    logBytes,
    recordingBytes,
  };
  const participants = inputs.participants.map((p) => ({
    ...p,
    clientIds: [...clientUsers].filter(([, userId]) => userId === p.userId).map(([client]) => client),
  }));
  const timelineSeq = events.reduce((last, event) => Math.max(last, event.seq), 0);
  return { durationMs, startedAt, timelineSeq, steps, markers, stats, participants, keyframes, index };
}

/**
 * The markers of timeline events, at their session time. Events after the end (a quick note, the debrief's
 * chat) sit at the end; so does the rest of what the recording holds.
 */
export function recordingMarkers(events: readonly RecordingTimelineRow[], startedAt: Date | null, durationMs: number): StoredMarker[] {
  const timeOf = sessionTimeOf(startedAt, durationMs);
  return events.flatMap((event) => markerOf(event, timeOf(event.at)));
}

/** Milliseconds since `started`, pauses included (rule I6), clamped to the recording. */
function sessionTimeOf(startedAt: Date | null, durationMs: number): (at: Date) => number {
  return (at) => (startedAt ? Math.min(durationMs, Math.max(0, at.getTime() - startedAt.getTime())) : 0);
}

class Activity {
  private readonly byUser = new Map<string, RecordingActivity>();

  add(userId: string, elementsCreated: number): void {
    const entry = this.byUser.get(userId) ?? { userId, edits: 0, elementsCreated: 0 };
    entry.edits += 1;
    entry.elementsCreated += elementsCreated;
    this.byUser.set(userId, entry);
  }

  list(): RecordingActivity[] {
    return [...this.byUser.values()];
  }
}

function clockEventOf(event: RecordingTimelineRow): ClockEvent[] {
  const at = event.at.getTime();
  switch (event.type) {
    case 'started':
    case 'paused':
    case 'resumed':
    case 'ended':
      return [{ type: event.type, at }];
    case 'step_changed': {
      const { from, to } = event.payload;
      if (!isStepId(from) || !isStepId(to)) throw new Error(`timeline event ${event.seq} names an unknown step`);
      return [{ type: 'step_changed', at, payload: { from, to } }];
    }
    default:
      return [];
  }
}

/** The stretches spent on each step, in order: the first starts at `started`, the last ends at `ended`. */
function stepSegments(events: readonly ClockEvent[], timeOf: (at: Date) => number, durationMs: number): RecordingStepSegment[] {
  const segments: RecordingStepSegment[] = [];
  for (const event of events) {
    const atMs = timeOf(new Date(event.at));
    if (event.type === 'started') segments.push({ step: STEP_IDS[0] as FrameworkStepId, startMs: 0, endMs: durationMs });
    if (event.type !== 'step_changed') continue;
    const last = segments[segments.length - 1];
    if (last) last.endMs = atMs;
    segments.push({ step: event.payload.to, startMs: atMs, endMs: durationMs });
  }
  return segments.filter((s) => s.endMs > s.startMs || segments.length === 1);
}

function stepAt(segments: readonly RecordingStepSegment[], atMs: number): FrameworkStepId | undefined {
  let step: FrameworkStepId | undefined;
  for (const segment of segments) if (segment.startMs <= atMs) step = segment.step;
  return step;
}

function pausesOf(events: readonly RecordingTimelineRow[], timeOf: (at: Date) => number, durationMs: number): RecordingStats['pauses'] {
  const pauses: RecordingStats['pauses'] = [];
  let open: number | null = null;
  for (const event of events) {
    if (event.type === 'paused') open = timeOf(event.at);
    if ((event.type === 'resumed' || event.type === 'ended') && open !== null) {
      pauses.push({ startMs: open, endMs: timeOf(event.at) });
      open = null;
    }
  }
  if (open !== null) pauses.push({ startMs: open, endMs: durationMs });
  return pauses;
}

function markerOf(event: RecordingTimelineRow, atMs: number): StoredMarker[] {
  const base = { atMs, seq: event.seq, userId: event.userId, visibility: event.visibility };
  const text = (key: string): string => {
    const value = event.payload[key];
    if (typeof value !== 'string') throw new Error(`timeline event ${event.seq} (${event.type}) has no ${key}`);
    return value;
  };
  switch (event.type) {
    case 'chat':
      return [{ ...base, type: 'chat', displayName: text('displayName'), text: text('text') }];
    case 'clarification_revealed':
      return [{ ...base, type: 'clarification', clarificationId: text('clarificationId'), question: text('question'), answer: text('answer') }];
    case 'rubric_note': {
      const step = event.payload['step'];
      return [{ ...base, type: 'rubric_note', step: isStepId(step) ? step : null, text: text('text') }];
    }
    default:
      return [];
  }
}

/** Quiet stretches of at least IDLE_GAP_MS between moments something happened, the ends included. */
function idleGaps(moments: number[], durationMs: number): RecordingStats['idleGaps'] {
  const sorted = [0, ...moments.sort((a, b) => a - b), durationMs];
  const gaps: RecordingStats['idleGaps'] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [startMs, endMs] = [sorted[i - 1] as number, sorted[i] as number];
    if (endMs - startMs >= IDLE_GAP_MS) gaps.push({ startMs, endMs });
  }
  return gaps;
}
