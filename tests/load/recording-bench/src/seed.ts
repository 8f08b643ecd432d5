import { randomUUID } from 'node:crypto';
import { withPgClient } from '@mockboard/testing';
import type { SyntheticSession } from './synthetic-session';

export interface SeededSession {
  sessionId: string;
  /** [interviewer, candidate] */
  userIds: [string, string];
  startedAt: Date;
  /** What writing the log took: setup, not measured against a floor. */
  insertMs: number;
}

const LOG_ROWS_PER_INSERT = 2_500;

/**
 * Writes the session straight into the tables, as the room and the interview service would have left it
 * when it ended: users, an ended session, both seats, the timeline, the update log, and the `queued`
 * recordings row the end writes (rule V1). No recording job is enqueued: the bench runs the build itself.
 */
export async function seedSession(databaseUrl: string, session: SyntheticSession): Promise<SeededSession> {
  const sessionId = randomUUID();
  const userIds: [string, string] = [randomUUID(), randomUUID()];
  // Started an hour and a bit ago, so every stored time is in the past like a real session's.
  const startedAt = new Date(Math.floor((Date.now() - session.durationMs - 120_000) / 1000) * 1000);
  const at = (ms: number): Date => new Date(startedAt.getTime() + ms);
  const begun = Date.now();
  await withPgClient(databaseUrl, async (client) => {
    await client.query('begin');
    await client.query(
      `insert into users (id, display_name, is_guest) values ($1, 'Bench Interviewer', true), ($2, 'Bench Candidate', true)`,
      userIds,
    );
    await client.query(
      `insert into interview_sessions (id, problem_slug, status, duration_minutes, invite_code, created_by, started_at, ended_at)
       values ($1, 'video-recommendation', 'ended', $2, $3, $4, $5, $6)`,
      [sessionId, session.durationMs / 60_000, `BENCH${sessionId.slice(0, 8)}`, userIds[0], startedAt, at(session.durationMs)],
    );
    await client.query(
      `insert into session_participants (session_id, user_id, role) values ($1, $2, 'interviewer'), ($1, $3, 'candidate')`,
      [sessionId, ...userIds],
    );
    const events = session.events;
    await client.query(
      `insert into session_events (session_id, seq, at, user_id, type, payload, visibility)
       select $1::uuid, e.seq, e.at, e.user_id, e.type, e.payload, e.visibility
       from unnest($2::int4[], $3::timestamptz[], $4::uuid[], $5::text[], $6::jsonb[], $7::text[]) as e (seq, at, user_id, type, payload, visibility)`,
      [
        sessionId,
        events.map((_, i) => i + 1),
        events.map((e) => at(e.atMs)),
        events.map((e) => (e.author === null ? null : userIds[e.author])),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.payload)),
        events.map((e) => e.visibility),
      ],
    );
    for (let start = 0; start < session.updates.length; start += LOG_ROWS_PER_INSERT) {
      const chunk = session.updates.slice(start, start + LOG_ROWS_PER_INSERT);
      await client.query(
        `insert into doc_updates (session_id, seq, user_id, created_at, update)
         select $1::uuid, u.seq, u.user_id, u.created_at, u.update
         from unnest($2::int8[], $3::uuid[], $4::timestamptz[], $5::bytea[]) as u (seq, user_id, created_at, update)`,
        [
          sessionId,
          chunk.map((_, i) => start + i + 1),
          chunk.map((u) => userIds[u.author]),
          chunk.map((u) => at(u.atMs)),
          chunk.map((u) => Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength)),
        ],
      );
    }
    await client.query(`insert into recordings (session_id, status) values ($1, 'queued')`, [sessionId]);
    await client.query('commit');
    await client.query('analyze');
  });
  return { sessionId, userIds, startedAt, insertMs: Date.now() - begun };
}

/** Puts the recording back to what the end of the session left, so a build starts from scratch. */
export async function resetRecording(databaseUrl: string, sessionId: string): Promise<void> {
  await withPgClient(databaseUrl, async (client) => {
    await client.query('begin');
    await client.query('delete from recording_keyframes where session_id = $1', [sessionId]);
    await client.query('delete from recording_updates where session_id = $1', [sessionId]);
    await client.query(`update recordings set status = 'queued', progress = 0, error = null, built_at = null where session_id = $1`, [sessionId]);
    await client.query('commit');
  });
}

export interface StoredSizes {
  logRows: number;
  logPayloadBytes: number;
  logTableBytes: number;
  keyframes: number;
  keyframePayloadBytes: number;
  keyframeTableBytes: number;
  indexRows: number;
  indexTableBytes: number;
  /** The recordings row itself (steps, markers, stats, participants as jsonb). */
  recordingRowBytes: number;
  largestKeyframeBytes: number;
}

/**
 * Sizes as stored. The session is the only one in its scratch database, so whole-relation sizes (heap, TOAST
 * and indexes, after a vacuum so deleted rows of earlier builds do not count) are this recording's.
 */
export async function storedSizes(databaseUrl: string, sessionId: string): Promise<StoredSizes> {
  return withPgClient(databaseUrl, async (client) => {
    await client.query('vacuum full recording_keyframes, recording_updates, doc_updates');
    const { rows } = await client.query<Record<string, string>>(
      `select
         (select count(*) from doc_updates where session_id = $1) as log_rows,
         (select coalesce(sum(octet_length(update)), 0) from doc_updates where session_id = $1) as log_payload,
         pg_total_relation_size('doc_updates') as log_table,
         (select count(*) from recording_keyframes where session_id = $1) as keyframes,
         (select coalesce(sum(octet_length(state)), 0) from recording_keyframes where session_id = $1) as keyframe_payload,
         (select coalesce(max(octet_length(state)), 0) from recording_keyframes where session_id = $1) as largest_keyframe,
         pg_total_relation_size('recording_keyframes') as keyframe_table,
         (select count(*) from recording_updates where session_id = $1) as index_rows,
         pg_total_relation_size('recording_updates') as index_table,
         (select pg_column_size(r.*) from recordings r where session_id = $1) as recording_row`,
      [sessionId],
    );
    const r = rows[0] ?? {};
    const n = (key: string): number => Number(r[key] ?? NaN);
    return {
      logRows: n('log_rows'),
      logPayloadBytes: n('log_payload'),
      logTableBytes: n('log_table'),
      keyframes: n('keyframes'),
      keyframePayloadBytes: n('keyframe_payload'),
      keyframeTableBytes: n('keyframe_table'),
      indexRows: n('index_rows'),
      indexTableBytes: n('index_table'),
      recordingRowBytes: n('recording_row'),
      largestKeyframeBytes: n('largest_keyframe'),
    };
  });
}
