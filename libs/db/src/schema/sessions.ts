import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, type AnyPgColumn, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';
import { users } from './users';

/** One mock interview: a problem, two seats (interviewer, candidate), observers, one shared document. */
export const interviewSessions = pgTable(
  'interview_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemSlug: text('problem_slug').notNull(),
    status: text('status', { enum: ['scheduled', 'live', 'ended'] }).notNull().default('scheduled'),
    durationMinutes: integer('duration_minutes').notNull(),
    inviteCode: text('invite_code').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Copies of the timeline's `started` and `ended` times, kept with `status` for listing sessions. */
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
    /** The session this one was swapped from (rule R6): the same two people, seats reversed. */
    previousSessionId: uuid('previous_session_id').references((): AnyPgColumn => interviewSessions.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('interview_sessions_invite_code_key').on(t.inviteCode),
    // One next round per session, even when both people press "Swap roles" at once.
    uniqueIndex('interview_sessions_previous_key').on(t.previousSessionId),
  ],
);

export const sessionParticipants = pgTable(
  'session_participants',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['interviewer', 'candidate', 'observer'] }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.userId] }),
    // At most one interviewer and one candidate, even when two people join at the same instant.
    uniqueIndex('session_participants_seat_key').on(t.sessionId, t.role).where(sql`${t.role} <> 'observer'`),
    index('session_participants_user_idx').on(t.userId),
  ],
);

/**
 * Every Yjs update applied to a session's document, in order. Append-only: it is the source of session
 * recordings, so compaction never deletes from it.
 *
 * No foreign keys, on purpose: this is the room's hot path (thousands of rows a second), and Postgres checks
 * a foreign key row by row, which made each insert 2.6 times as costly (docs/benchmarks.md). Rows are
 * written only by the room server, for a session it has loaded, on behalf of a participant it has
 * authenticated; whoever deletes sessions or users must delete or anonymise their log rows too.
 */
export const docUpdates = pgTable(
  'doc_updates',
  {
    sessionId: uuid('session_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    userId: uuid('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    update: bytea('update').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

/** The latest compacted state of a document: loading is this plus the log after `seq`. */
export const docSnapshots = pgTable('doc_snapshots', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => interviewSessions.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  state: bytea('state').notNull(),
  /**
   * The state vector of `state`, so a room can open the sync exchange without decoding the whole snapshot.
   * Null for snapshots written before it was kept: those compute it on load.
   */
  stateVector: bytea('state_vector'),
  /**
   * Written from a document built only from checked updates, so it holds nothing Yjs would keep pending and
   * loads as stored (docs/protocol.md, rule S4). Older snapshots are checked when they are loaded.
   */
  verified: boolean('verified').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Log rows and snapshots a room could not integrate when it loaded (rule S10): the room loads without
 * them, and they are kept here with the reason, for an operator. A log row keeps its bytes in `doc_updates`;
 * a snapshot's are copied here, since the next compaction replaces it.
 */
export const docSetAside = pgTable(
  'doc_set_aside',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['update', 'snapshot'] }).notNull(),
    /** The log row's seq, or the seq the snapshot was taken at. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    state: bytea('state'),
    setAsideAt: timestamp('set_aside_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.source, t.seq] })],
);

export type InterviewSessionRow = typeof interviewSessions.$inferSelect;
export type SessionParticipantRow = typeof sessionParticipants.$inferSelect;
