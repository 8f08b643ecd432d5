import {
  docUpdates,
  interviewSessions,
  recordingKeyframes,
  recordings,
  recordingUpdates,
  sessionEvents,
  sessionParticipants,
  users,
  type Db,
  type RecordingRow,
} from '@mockboard/db';
import { and, asc, desc, eq, gt, inArray, lte, notExists, sql, between } from 'drizzle-orm';
import * as Y from 'yjs';
import { setAsideRowOf } from '../update-log.repository';
import { KeyframeCache } from './keyframe-cache';
import type { BuiltRecording, RecordingInputs } from './recording-builder';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Keyframes go to Postgres a few at a time: each statement stays a few megabytes at most. */
const KEYFRAMES_PER_INSERT = 16;

/**
 * Recordings as stored (docs/protocol.md, rules V1-V3), shared by the api (reading, requesting) and the
 * worker (building). The `recordings` row doubles as the outbox: `request` writes it in the transaction
 * that ends the session.
 */
export class RecordingsRepository {
  constructor(
    private readonly db: Db,
    private readonly keyframes = new KeyframeCache(0),
  ) {}

  /** Called in the transaction that ends the session; a second call changes nothing. */
  static async request(tx: Tx, sessionId: string): Promise<void> {
    await tx.insert(recordings).values({ sessionId, status: 'queued' }).onConflictDoNothing();
  }

  async find(sessionId: string): Promise<RecordingRow | undefined> {
    const [row] = await this.db.select().from(recordings).where(eq(recordings.sessionId, sessionId)).limit(1);
    return row;
  }

  /** What a seek needs to know of the recording: whether it is built, and its length. */
  async extent(sessionId: string): Promise<Pick<RecordingRow, 'status' | 'durationMs'> | undefined> {
    const [row] = await this.db
      .select({ status: recordings.status, durationMs: recordings.durationMs })
      .from(recordings)
      .where(eq(recordings.sessionId, sessionId))
      .limit(1);
    return row;
  }

  /** Sessions whose recording was asked for and is not finished: the sweep enqueues them again. */
  async unfinished(): Promise<string[]> {
    const rows = await this.db
      .select({ sessionId: recordings.sessionId })
      .from(recordings)
      .where(inArray(recordings.status, ['queued', 'processing']))
      .orderBy(asc(recordings.requestedAt));
    return rows.map((r) => r.sessionId);
  }

  async setStatus(sessionId: string, change: { status: RecordingRow['status']; progress?: number; error?: string | null }): Promise<void> {
    await this.db.update(recordings).set(change).where(eq(recordings.sessionId, sessionId));
  }

  async setProgress(sessionId: string, progress: number): Promise<void> {
    await this.db.update(recordings).set({ progress }).where(and(eq(recordings.sessionId, sessionId), eq(recordings.status, 'processing')));
  }

  /** A failed recording back to `queued`, for "Retry"; false when it had not failed. */
  async requeueFailed(sessionId: string): Promise<boolean> {
    const rows = await this.db
      .update(recordings)
      .set({ status: 'queued', progress: 0, error: null, requestedAt: new Date() })
      .where(and(eq(recordings.sessionId, sessionId), eq(recordings.status, 'failed')))
      .returning({ sessionId: recordings.sessionId });
    return rows.length > 0;
  }

  /** What a build reads: the session, its timeline, its whole log (rows set aside left out) and its people. */
  async inputs(sessionId: string): Promise<RecordingInputs | undefined> {
    const [session] = await this.db.select().from(interviewSessions).where(eq(interviewSessions.id, sessionId));
    if (!session) return undefined;
    const [events, log, people] = await Promise.all([
      this.db.select().from(sessionEvents).where(eq(sessionEvents.sessionId, sessionId)).orderBy(asc(sessionEvents.seq)),
      this.db
        .select({ seq: docUpdates.seq, userId: docUpdates.userId, createdAt: docUpdates.createdAt, update: docUpdates.update })
        .from(docUpdates)
        .where(and(eq(docUpdates.sessionId, sessionId), notExists(setAsideRowOf(this.db))))
        .orderBy(asc(docUpdates.seq)),
      this.db
        .select({ userId: sessionParticipants.userId, role: sessionParticipants.role, displayName: users.displayName })
        .from(sessionParticipants)
        .innerJoin(users, eq(users.id, sessionParticipants.userId))
        .where(eq(sessionParticipants.sessionId, sessionId)),
    ]);
    return { sessionId, durationMinutes: session.durationMinutes, events, log, participants: people };
  }

  /** Replaces whatever an earlier attempt stored, and marks the recording ready, in one transaction. */
  async save(sessionId: string, built: BuiltRecording): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(recordingKeyframes).where(eq(recordingKeyframes.sessionId, sessionId));
      await tx.delete(recordingUpdates).where(eq(recordingUpdates.sessionId, sessionId));
      for (let i = 0; i < built.keyframes.length; i += KEYFRAMES_PER_INSERT) {
        await tx.insert(recordingKeyframes).values(built.keyframes.slice(i, i + KEYFRAMES_PER_INSERT).map((k) => ({ sessionId, ...k })));
      }
      if (built.index.length > 0) {
        // One statement for the whole index, whatever its length: two array parameters expanded by unnest.
        await tx.execute(sql`insert into ${recordingUpdates} (session_id, seq, at_ms)
          select ${sessionId}::uuid, seq, at_ms from unnest(
            ${sql.param(built.index.map((u) => u.seq))}::int8[],
            ${sql.param(built.index.map((u) => u.atMs))}::int8[]
          ) as i (seq, at_ms)`);
      }
      await tx
        .update(recordings)
        .set({
          status: 'ready',
          progress: 100,
          error: null,
          builtAt: new Date(),
          durationMs: built.durationMs,
          startedAt: built.startedAt,
          timelineSeq: built.timelineSeq,
          steps: built.steps,
          markers: built.markers,
          stats: { ...built.stats },
          participants: built.participants,
        })
        .where(eq(recordings.sessionId, sessionId));
    });
  }

  /**
   * The document at `atMs` as one update: the latest keyframe at or before it merged with the updates
   * after it up to the moment (rule V5). Never a replay from the start.
   */
  async stateAt(sessionId: string, atMs: number): Promise<Uint8Array> {
    const latest = this.db
      .select({ seq: recordingKeyframes.seq })
      .from(recordingKeyframes)
      .where(and(eq(recordingKeyframes.sessionId, sessionId), lte(recordingKeyframes.atMs, atMs)))
      .orderBy(desc(recordingKeyframes.atMs), desc(recordingKeyframes.seq))
      .limit(1);
    // Two statements at once: the tail finds its keyframe itself, so neither waits for the other.
    const [[keyframe], tail] = await Promise.all([
      latest,
      this.db
        .select({ update: docUpdates.update })
        .from(recordingUpdates)
        .innerJoin(docUpdates, and(eq(docUpdates.sessionId, recordingUpdates.sessionId), eq(docUpdates.seq, recordingUpdates.seq)))
        .where(
          and(
            eq(recordingUpdates.sessionId, sessionId),
            gt(recordingUpdates.seq, sql`coalesce((${latest}), 0)`),
            lte(recordingUpdates.atMs, atMs),
          ),
        )
        .orderBy(asc(recordingUpdates.seq)),
    ]);
    const state = keyframe && (await this.keyframeState(sessionId, keyframe.seq));
    const parts = [...(state ? [state] : []), ...tail.map((t) => t.update)];
    // An empty document still answers with a valid update, so a client applies whatever it gets.
    return parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts);
  }

  private async keyframeState(sessionId: string, seq: number): Promise<Uint8Array | undefined> {
    const cached = this.keyframes.get(sessionId, seq);
    if (cached) return cached;
    const [row] = await this.db
      .select({ state: recordingKeyframes.state })
      .from(recordingKeyframes)
      .where(and(eq(recordingKeyframes.sessionId, sessionId), eq(recordingKeyframes.seq, seq)));
    if (row) this.keyframes.set(sessionId, seq, row.state);
    return row?.state;
  }

  /** The updates whose time is in [fromMs, toMs], in order (rule V6). */
  updatesBetween(sessionId: string, fromMs: number, toMs: number): Promise<Array<{ atMs: number; update: Uint8Array }>> {
    return this.db
      .select({ atMs: recordingUpdates.atMs, update: docUpdates.update })
      .from(recordingUpdates)
      .innerJoin(docUpdates, and(eq(docUpdates.sessionId, recordingUpdates.sessionId), eq(docUpdates.seq, recordingUpdates.seq)))
      .where(and(eq(recordingUpdates.sessionId, sessionId), between(recordingUpdates.atMs, fromMs, toMs)))
      .orderBy(asc(recordingUpdates.seq));
  }
}
