import { createHash } from 'node:crypto';
import { buildRecording, RecordingsRepository } from '@mockboard/collab';
import { recordingKeyframes, type Database } from '@mockboard/db';
import { asc, eq } from 'drizzle-orm';

export interface BuildTiming {
  totalMs: number;
  /** status `processing`, as the job sets it first. */
  setStatusMs: number;
  inputsMs: number;
  buildMs: number;
  saveMs: number;
  /** Of `buildMs`, the time spent awaiting progress writes (one UPDATE per 5 %). */
  progressMs: number;
  updates: number;
  keyframes: number;
}

/**
 * The body of the recording job as apps/worker/src/recordings/recording-worker.ts runs it, minus BullMQ's
 * `job.updateProgress` (a Redis write per 5 %, measured with the real worker separately): status
 * `processing`, read the inputs, build with progress written to the row, save.
 */
export async function timedJobBody(database: Database, sessionId: string): Promise<BuildTiming> {
  const repository = new RecordingsRepository(database.db);
  const t0 = performance.now();
  await repository.setStatus(sessionId, { status: 'processing', progress: 0, error: null });
  const t1 = performance.now();
  const inputs = await repository.inputs(sessionId);
  if (!inputs) throw new Error(`session ${sessionId} has no inputs`);
  const t2 = performance.now();
  let progressMs = 0;
  const built = await buildRecording(inputs, async (percent) => {
    const p0 = performance.now();
    await repository.setProgress(sessionId, percent);
    progressMs += performance.now() - p0;
  });
  const t3 = performance.now();
  await repository.save(sessionId, built);
  const t4 = performance.now();
  return {
    totalMs: t4 - t0,
    setStatusMs: t1 - t0,
    inputsMs: t2 - t1,
    buildMs: t3 - t2,
    saveMs: t4 - t3,
    progressMs,
    updates: built.index.length,
    keyframes: built.keyframes.length,
  };
}

/** A digest of the stored keyframes, to show that the worker's build stored the same bytes as ours. */
export async function keyframesDigest(database: Database, sessionId: string): Promise<string> {
  const rows = await database.db
    .select({ seq: recordingKeyframes.seq, atMs: recordingKeyframes.atMs, state: recordingKeyframes.state })
    .from(recordingKeyframes)
    .where(eq(recordingKeyframes.sessionId, sessionId))
    .orderBy(asc(recordingKeyframes.seq));
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${row.seq}:${row.atMs}:`).update(row.state);
  return `${rows.length} keyframes, sha256 ${hash.digest('hex').slice(0, 16)}`;
}

/** Keyframe (seq, at) pairs, to report how many updates a seek replays. */
export async function keyframeIndex(database: Database, sessionId: string): Promise<Array<{ seq: number; atMs: number; bytes: number }>> {
  const rows = await database.db
    .select({ seq: recordingKeyframes.seq, atMs: recordingKeyframes.atMs, state: recordingKeyframes.state })
    .from(recordingKeyframes)
    .where(eq(recordingKeyframes.sessionId, sessionId))
    .orderBy(asc(recordingKeyframes.seq));
  return rows.map((r) => ({ seq: r.seq, atMs: r.atMs, bytes: r.state.byteLength }));
}
