import { Inject, Injectable } from '@nestjs/common';
import {
  interviewerFeedback,
  interviewSessions,
  scorecards,
  type Database,
  type Db,
  type InterviewerFeedbackRow,
  type InterviewSessionRow,
  type ScorecardRow,
  type StoredScorecardStep,
} from '@mockboard/db';
import type { Recommendation } from '@mockboard/interview';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { DATABASE } from '../../core/database/database.module';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface ScorecardDraft {
  steps: StoredScorecardStep[];
  recommendation: Recommendation | null;
  strengths: string;
  improvements: string;
  message: string;
}

/** The session's scorecard and feedback while the session row's lock is held: release cannot slip in between. */
export class LockedScoring {
  constructor(
    private readonly tx: Tx,
    /** The session row as locked: its status is the clock's, kept in the same transaction as each change. */
    readonly session: InterviewSessionRow,
  ) {}

  async scorecard(sessionId: string): Promise<ScorecardRow | undefined> {
    const [row] = await this.tx.select().from(scorecards).where(eq(scorecards.sessionId, sessionId)).limit(1);
    return row;
  }

  async saveDraft(sessionId: string, draft: ScorecardDraft, seats: { interviewerId: string | null; candidateId: string | null }): Promise<ScorecardRow> {
    const values = { ...draft, ...seats, updatedAt: new Date() };
    const [row] = await this.tx
      .insert(scorecards)
      .values({ sessionId, ...values })
      .onConflictDoUpdate({ target: scorecards.sessionId, set: values })
      .returning();
    if (!row) throw new Error('upsert returned no row');
    return row;
  }

  async mark(
    sessionId: string,
    change: { submittedAt: Date; interviewerId: string | null; candidateId: string | null } | { releasedAt: Date },
  ): Promise<ScorecardRow> {
    const [row] = await this.tx.update(scorecards).set(change).where(eq(scorecards.sessionId, sessionId)).returning();
    if (!row) throw new Error('update returned no row');
    return row;
  }

  async saveFeedback(sessionId: string, candidateId: string, helpfulness: number, comment: string): Promise<InterviewerFeedbackRow> {
    const values = { candidateId, helpfulness, comment, updatedAt: new Date() };
    const [row] = await this.tx
      .insert(interviewerFeedback)
      .values({ sessionId, ...values })
      .onConflictDoUpdate({ target: interviewerFeedback.sessionId, set: values })
      .returning();
    if (!row) throw new Error('upsert returned no row');
    return row;
  }
}

@Injectable()
export class ScorecardsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  /** Runs `work` holding the session row's lock, as every change to its scorecard and feedback does. */
  locked<T>(sessionId: string, work: (scoring: LockedScoring) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const [session] = await tx.select().from(interviewSessions).where(eq(interviewSessions.id, sessionId)).for('no key update');
      if (!session) throw new Error(`session ${sessionId} vanished`);
      return work(new LockedScoring(tx, session));
    });
  }

  async find(sessionId: string): Promise<ScorecardRow | undefined> {
    const [row] = await this.db.select().from(scorecards).where(eq(scorecards.sessionId, sessionId)).limit(1);
    return row;
  }

  async feedback(sessionId: string): Promise<InterviewerFeedbackRow | undefined> {
    const [row] = await this.db.select().from(interviewerFeedback).where(eq(interviewerFeedback.sessionId, sessionId)).limit(1);
    return row;
  }

  /**
   * Released scorecards of sessions where the user was the candidate, oldest session first (by when it was
   * held, not when its card was released: an interviewer may release last week's card after today's), with
   * their problem.
   */
  async releasedFor(candidateId: string): Promise<(ScorecardRow & { problemSlug: string; heldAt: Date })[]> {
    const heldAt = sql`coalesce(${interviewSessions.endedAt}, ${scorecards.updatedAt})`;
    const rows = await this.db
      .select({ card: scorecards, problemSlug: interviewSessions.problemSlug, endedAt: interviewSessions.endedAt })
      .from(scorecards)
      .innerJoin(interviewSessions, eq(interviewSessions.id, scorecards.sessionId))
      .where(and(eq(scorecards.candidateId, candidateId), isNotNull(scorecards.releasedAt)))
      .orderBy(desc(heldAt), desc(scorecards.sessionId))
      .limit(500);
    return rows.reverse().map((r) => ({ ...r.card, problemSlug: r.problemSlug, heldAt: r.endedAt ?? r.card.updatedAt }));
  }
}
