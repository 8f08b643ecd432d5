import type { ProblemDefinition } from '@mockboard/interview';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { interviewSessions } from './sessions';
import { users } from './users';

/**
 * Everything that happens in a session outside the drawing, in order: the clock's moves, revealed
 * clarifications, chat; later features add their own types. Append-only, and written in the same
 * transaction as the state change it records, so it is the clock's only record (docs/protocol.md, rule I6).
 */
export const sessionEvents = pgTable(
  'session_events',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    visibility: text('visibility', { enum: ['all', 'interviewer'] }).notNull().default('all'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] }), index('session_events_type_idx').on(t.sessionId, t.type)],
);

/** The whole problem as stored: what its author wrote, with the ids the server gave it. */
export type StoredProblemDefinition = Omit<ProblemDefinition, 'slug' | 'custom'>;

/**
 * Problems users write for themselves, private to their author. Deleting one hides it from its author but
 * keeps the row, so the sessions that used it keep their prompt and guide.
 */
export const customProblems = pgTable(
  'custom_problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    definition: jsonb('definition').$type<StoredProblemDefinition>().notNull(),
    /** Bumped on every edit; the guide a session shows is always the latest. */
    revision: bigint('revision', { mode: 'number' }).notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('custom_problems_slug_key').on(t.slug), index('custom_problems_author_idx').on(t.authorId)],
);

export type SessionEventRow = typeof sessionEvents.$inferSelect;
export type CustomProblemRow = typeof customProblems.$inferSelect;
