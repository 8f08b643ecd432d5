import { RecordingsRepository } from '@mockboard/collab';
import type { Database } from '@mockboard/db';
import { DOC_KEYS } from '@mockboard/protocol';
import type { SeededRandom } from '@mockboard/testing';
import * as Y from 'yjs';
import type { SyntheticUpdate } from './synthetic-session';

/** Answers the document at a moment as one Yjs update: the HTTP route or the repository behind it. */
export type StateSource = (atMs: number) => Promise<Uint8Array>;

export function httpSource(url: string, sessionId: string, token: string): StateSource {
  return async (atMs) => {
    const response = await fetch(`${url}/api/sessions/${sessionId}/recording/state?at=${atMs}`, { headers: { authorization: `Bearer ${token}` } });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`state?at=${atMs} answered ${response.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
    return body;
  };
}

/**
 * `GET .../recording` as a stand-in for the route's fixed cost: the same auth, session and participant
 * look-ups and recording row read as `state?at=`, without the document. The moment is ignored.
 */
export function httpViewSource(url: string, sessionId: string, token: string): StateSource {
  return async () => {
    const response = await fetch(`${url}/api/sessions/${sessionId}/recording`, { headers: { authorization: `Bearer ${token}` } });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`GET .../recording answered ${response.status}`);
    return body;
  };
}

export function repositorySource(database: Database, sessionId: string): StateSource {
  const repository = new RecordingsRepository(database.db);
  return (atMs) => repository.stateAt(sessionId, atMs);
}

/** `count` moments drawn uniformly from [0, durationMs], whole milliseconds as the route takes them. */
export function randomMoments(random: SeededRandom, count: number, durationMs: number): number[] {
  return Array.from({ length: count }, () => random.int(durationMs + 1));
}

export interface SeekRun {
  latenciesMs: number[];
  bytes: number[];
}

/** One request at a time, as a player scrubbing does; the first `warmup` are not counted. */
export async function timeSeeks(source: StateSource, moments: readonly number[], warmup: readonly number[]): Promise<SeekRun> {
  for (const at of warmup) await source(at);
  const latenciesMs: number[] = [];
  const bytes: number[] = [];
  for (const at of moments) {
    const t0 = performance.now();
    const state = await source(at);
    latenciesMs.push(performance.now() - t0);
    bytes.push(state.byteLength);
  }
  return { latenciesMs, bytes };
}

export interface Mismatch {
  atMs: number;
  why: string;
}

/**
 * Rule V5's promise, checked: the answer applied to an empty Y.Doc equals the document rebuilt from the
 * log with every update whose time is at most the moment (same state vector, same elements and notes).
 * The reference replays the generated updates once, in order, stopping at each sampled moment.
 */
export async function verifyMoments(source: StateSource, updates: readonly SyntheticUpdate[], moments: readonly number[]): Promise<Mismatch[]> {
  const sorted = [...new Set(moments)].sort((a, b) => a - b);
  const reference = new Y.Doc();
  const mismatches: Mismatch[] = [];
  let next = 0;
  for (const at of sorted) {
    while (next < updates.length && (updates[next] as SyntheticUpdate).atMs <= at) Y.applyUpdate(reference, (updates[next++] as SyntheticUpdate).update);
    const answered = new Y.Doc();
    Y.applyUpdate(answered, await source(at));
    const why = differs(reference, answered);
    if (why) mismatches.push({ atMs: at, why: `${why} (reference holds ${next} updates)` });
    answered.destroy();
  }
  reference.destroy();
  return mismatches;
}

function differs(expected: Y.Doc, actual: Y.Doc): string | undefined {
  if (Buffer.compare(Y.encodeStateVector(expected), Y.encodeStateVector(actual)) !== 0) return 'state vectors differ';
  if (actual.store.pendingStructs || actual.store.pendingDs) return 'the answer leaves structs pending';
  if (contentOf(expected) !== contentOf(actual)) return 'content differs';
  return undefined;
}

/** The elements map and the notes, as canonical JSON (key order does not depend on insertion order). */
function contentOf(doc: Y.Doc): string {
  const notes = doc.getMap<Y.Text>(DOC_KEYS.notes);
  return canonical({
    elements: doc.getMap(DOC_KEYS.elements).toJSON(),
    notes: Object.fromEntries([...notes.entries()].map(([step, text]) => [step, text.toString()])),
  });
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Moments worth checking beyond random ones: both ends, each keyframe's time, and a millisecond either side. */
export function edgeMoments(durationMs: number, keyframeTimes: readonly number[], limit: number): number[] {
  const step = Math.max(1, Math.floor(keyframeTimes.length / Math.max(1, limit)));
  const picked = keyframeTimes.filter((_, i) => i % step === 0).slice(0, limit);
  return [0, durationMs, ...picked.flatMap((t) => [t - 1, t, t + 1])].filter((t) => t >= 0 && t <= durationMs);
}
