import { Inject, Injectable } from '@nestjs/common';
import {
  interviewSessions,
  scorecards,
  sessionParticipants,
  users,
  type Database,
  type InterviewSessionRow,
  type ScorecardRow,
} from '@mockboard/db';
import type { ParticipantRole, SessionParticipant } from '@mockboard/protocol';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { DATABASE } from '../../core/database/database.module';

@Injectable()
export class SessionsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  async create(session: {
    problemSlug: string;
    durationMinutes: number;
    inviteCode: string;
    createdBy: string;
    creatorRole: ParticipantRole;
  }): Promise<InterviewSessionRow> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(interviewSessions)
        .values({
          problemSlug: session.problemSlug,
          durationMinutes: session.durationMinutes,
          inviteCode: session.inviteCode,
          createdBy: session.createdBy,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await tx.insert(sessionParticipants).values({ sessionId: row.id, userId: session.createdBy, role: session.creatorRole });
      return row;
    });
  }

  /**
   * The next round of `previous` with the seats given; undefined when another call created it first (the
   * unique index on `previous_session_id` decides a race between both people pressing "Swap roles").
   */
  async createNextRound(round: {
    previousSessionId: string;
    problemSlug: string;
    durationMinutes: number;
    inviteCode: string;
    createdBy: string;
    interviewerId: string;
    candidateId: string;
  }): Promise<InterviewSessionRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(interviewSessions)
        .values({
          problemSlug: round.problemSlug,
          durationMinutes: round.durationMinutes,
          inviteCode: round.inviteCode,
          createdBy: round.createdBy,
          previousSessionId: round.previousSessionId,
        })
        .onConflictDoNothing({ target: interviewSessions.previousSessionId })
        .returning();
      if (!row) return undefined;
      await tx.insert(sessionParticipants).values([
        { sessionId: row.id, userId: round.interviewerId, role: 'interviewer' },
        { sessionId: row.id, userId: round.candidateId, role: 'candidate' },
      ]);
      return row;
    });
  }

  async findNextRound(sessionId: string): Promise<InterviewSessionRow | undefined> {
    const [row] = await this.db.select().from(interviewSessions).where(eq(interviewSessions.previousSessionId, sessionId)).limit(1);
    return row;
  }

  /** The next round of each session that has one. */
  async nextRounds(sessionIds: string[]): Promise<Map<string, string>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.db
      .select({ id: interviewSessions.id, previous: interviewSessions.previousSessionId })
      .from(interviewSessions)
      .where(inArray(interviewSessions.previousSessionId, sessionIds));
    return new Map(rows.map((r) => [r.previous ?? '', r.id]));
  }

  /** Problems each user practised as the candidate, for suggesting the next round's. */
  async problemsPractisedAsCandidate(userId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ slug: interviewSessions.problemSlug })
      .from(sessionParticipants)
      .innerJoin(interviewSessions, eq(interviewSessions.id, sessionParticipants.sessionId))
      .where(and(eq(sessionParticipants.userId, userId), eq(sessionParticipants.role, 'candidate')));
    return new Set(rows.map((r) => r.slug));
  }

  async scorecards(sessionIds: string[]): Promise<Map<string, ScorecardRow>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.db.select().from(scorecards).where(inArray(scorecards.sessionId, sessionIds));
    return new Map(rows.map((r) => [r.sessionId, r]));
  }

  async findById(id: string): Promise<InterviewSessionRow | undefined> {
    const [row] = await this.db.select().from(interviewSessions).where(eq(interviewSessions.id, id)).limit(1);
    return row;
  }

  async findByInviteCode(code: string): Promise<InterviewSessionRow | undefined> {
    const [row] = await this.db.select().from(interviewSessions).where(eq(interviewSessions.inviteCode, code)).limit(1);
    return row;
  }

  async findRole(sessionId: string, userId: string): Promise<ParticipantRole | undefined> {
    const [row] = await this.db
      .select({ role: sessionParticipants.role })
      .from(sessionParticipants)
      .where(and(eq(sessionParticipants.sessionId, sessionId), eq(sessionParticipants.userId, userId)))
      .limit(1);
    return row?.role;
  }

  /**
   * Seats the user in `role` unless that seat (or the user) is already taken; the partial unique index
   * decides races between two simultaneous joiners. Returns whether a row was inserted.
   */
  async tryAddParticipant(sessionId: string, userId: string, role: ParticipantRole): Promise<boolean> {
    const inserted = await this.db
      .insert(sessionParticipants)
      .values({ sessionId, userId, role })
      .onConflictDoNothing()
      .returning({ userId: sessionParticipants.userId });
    return inserted.length > 0;
  }

  /**
   * Adds the user as an observer unless the session already has `maxObservers`. Observer joins to one
   * session take turns on the session row's lock (NO KEY UPDATE, so seat inserts, whose foreign key check
   * only needs KEY SHARE, do not wait), so two of them cannot both count the last free place.
   */
  async tryAddObserver(sessionId: string, userId: string, maxObservers: number): Promise<'added' | 'present' | 'full'> {
    return this.db.transaction(async (tx) => {
      await tx.select({ id: interviewSessions.id }).from(interviewSessions).where(eq(interviewSessions.id, sessionId)).for('no key update');
      const [row] = await tx
        .select({ observers: count() })
        .from(sessionParticipants)
        .where(and(eq(sessionParticipants.sessionId, sessionId), eq(sessionParticipants.role, 'observer')));
      if ((row?.observers ?? 0) >= maxObservers) return 'full';
      const inserted = await tx
        .insert(sessionParticipants)
        .values({ sessionId, userId, role: 'observer' })
        .onConflictDoNothing()
        .returning({ userId: sessionParticipants.userId });
      return inserted.length > 0 ? 'added' : 'present';
    });
  }

  async participants(sessionIds: string[]): Promise<Map<string, SessionParticipant[]>> {
    const bySession = new Map<string, SessionParticipant[]>();
    if (sessionIds.length === 0) return bySession;
    const rows = await this.db
      .select({
        sessionId: sessionParticipants.sessionId,
        userId: sessionParticipants.userId,
        displayName: users.displayName,
        role: sessionParticipants.role,
      })
      .from(sessionParticipants)
      .innerJoin(users, eq(users.id, sessionParticipants.userId))
      .where(inArray(sessionParticipants.sessionId, sessionIds))
      .orderBy(sessionParticipants.joinedAt);
    for (const { sessionId, ...participant } of rows) {
      const list = bySession.get(sessionId) ?? [];
      list.push(participant);
      bySession.set(sessionId, list);
    }
    return bySession;
  }

  async listForUser(userId: string, limit: number): Promise<Array<InterviewSessionRow & { myRole: ParticipantRole }>> {
    const rows = await this.db
      .select({ session: interviewSessions, myRole: sessionParticipants.role })
      .from(sessionParticipants)
      .innerJoin(interviewSessions, eq(interviewSessions.id, sessionParticipants.sessionId))
      .where(eq(sessionParticipants.userId, userId))
      .orderBy(desc(interviewSessions.createdAt))
      .limit(limit);
    return rows.map((r) => ({ ...r.session, myRole: r.myRole }));
  }

  async setInviteCode(sessionId: string, inviteCode: string): Promise<void> {
    await this.db.update(interviewSessions).set({ inviteCode }).where(eq(interviewSessions.id, sessionId));
  }

  /** Whether a row was removed. */
  async removeParticipant(sessionId: string, userId: string): Promise<boolean> {
    const removed = await this.db
      .delete(sessionParticipants)
      .where(and(eq(sessionParticipants.sessionId, sessionId), eq(sessionParticipants.userId, userId)))
      .returning({ userId: sessionParticipants.userId });
    return removed.length > 0;
  }
}
