import type { Recommendation, StepMark } from '@mockboard/interview';
import { jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { interviewSessions } from './sessions';
import { users } from './users';

export interface StoredScorecardStep {
  step: string;
  score: StepMark;
  signals: string[];
  notes: string;
}

/**
 * The interviewer's scorecard of a session: a draft while the interview runs, then submitted, then released
 * to the candidate. Nothing in it reaches the candidate before `released_at` is set (docs/protocol.md, R8).
 */
export const scorecards = pgTable('scorecards', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => interviewSessions.id, { onDelete: 'cascade' }),
  interviewerId: uuid('interviewer_id').references(() => users.id, { onDelete: 'set null' }),
  candidateId: uuid('candidate_id').references(() => users.id, { onDelete: 'set null' }),
  steps: jsonb('steps').$type<StoredScorecardStep[]>().notNull(),
  recommendation: text('recommendation').$type<Recommendation>(),
  strengths: text('strengths').notNull().default(''),
  improvements: text('improvements').notNull().default(''),
  message: text('message').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  releasedAt: timestamp('released_at', { withTimezone: true }),
});

/** The candidate's rating of their interviewer; frozen once the scorecard is released (R5). */
export const interviewerFeedback = pgTable('interviewer_feedback', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => interviewSessions.id, { onDelete: 'cascade' }),
  candidateId: uuid('candidate_id').references(() => users.id, { onDelete: 'set null' }),
  helpfulness: smallint('helpfulness').notNull(),
  comment: text('comment').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ScorecardRow = typeof scorecards.$inferSelect;
export type InterviewerFeedbackRow = typeof interviewerFeedback.$inferSelect;
