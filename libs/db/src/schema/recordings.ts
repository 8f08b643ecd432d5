import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RecordingStatus } from '@mockboard/protocol';
import { bytea } from './bytea';
import { interviewSessions } from './sessions';

/** `RECORDING_STATUSES` of libs/protocol, checked against its type: this lib imports no protocol code at run time. */
const RECORDING_STATUS_VALUES = ['queued', 'processing', 'ready', 'failed'] as const satisfies readonly RecordingStatus[];

/**
 * A session's recording, and the request for it: the row is written `queued` in the transaction that ends
 * the session (the outbox, docs/protocol.md rule V1), so a job lost with Redis or a killed worker is found
 * again by the worker's sweep. The build fills in the rest and sets it `ready`.
 */
export const recordings = pgTable(
  'recordings',
  {
    sessionId: uuid('session_id')
      .primaryKey()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: RECORDING_STATUS_VALUES }).notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    error: text('error'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    builtAt: timestamp('built_at', { withTimezone: true }),
    durationMs: bigint('duration_ms', { mode: 'number' }).notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    /** The last timeline event the build read: markers for later ones (a note after the end) are added on read. */
    timelineSeq: integer('timeline_seq').notNull().default(0),
    /** The built parts, shaped as in `@mockboard/collab`'s `BuiltRecording`; markers keep their visibility. */
    steps: jsonb('steps').$type<unknown[]>().notNull().default([]),
    markers: jsonb('markers').$type<unknown[]>().notNull().default([]),
    stats: jsonb('stats').$type<Record<string, unknown>>(),
    participants: jsonb('participants').$type<unknown[]>().notNull().default([]),
  },
  (t) => [index('recordings_unfinished_idx').on(t.status).where(sql`${t.status} in ('queued', 'processing')`)],
);

/**
 * The document at moments of the session: the state after every update up to `seq`, all of whose times
 * are at most `at_ms`. Seeking is the latest keyframe at or before the moment plus the updates after it.
 */
export const recordingKeyframes = pgTable(
  'recording_keyframes',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => recordings.sessionId, { onDelete: 'cascade' }),
    atMs: bigint('at_ms', { mode: 'number' }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    state: bytea('state').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] }), index('recording_keyframes_at_idx').on(t.sessionId, t.atMs)],
);

/**
 * The recording's index of the update log: each integrated update's seq and its session time. Times never
 * go down as seqs go up, so "every update at or before a moment" is a prefix of the log.
 */
export const recordingUpdates = pgTable(
  'recording_updates',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => recordings.sessionId, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    atMs: bigint('at_ms', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] }), index('recording_updates_at_idx').on(t.sessionId, t.atMs)],
);

export type RecordingRow = typeof recordings.$inferSelect;
