import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [uniqueIndex('interview_sessions_invite_code_key').on(t.inviteCode)],
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
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type InterviewSessionRow = typeof interviewSessions.$inferSelect;
export type SessionParticipantRow = typeof sessionParticipants.$inferSelect;
