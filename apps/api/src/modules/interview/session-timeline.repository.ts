import { Inject, Injectable } from '@nestjs/common';
import { RecordingsRepository } from '@mockboard/collab';
import { interviewSessions, scorecards, sessionEvents, type Database, type Db, type InterviewSessionRow, type SessionEventRow } from '@mockboard/db';
import type { SessionStatus } from '@mockboard/interview';
import type { TimelineEventType, TimelineVisibility } from '@mockboard/protocol';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DATABASE } from '../../core/database/database.module';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NewSessionEvent {
  type: TimelineEventType;
  userId: string | null;
  payload?: Record<string, unknown>;
  visibility?: TimelineVisibility;
}

/** A session's timeline while its row lock is held: what is read here stays true until the commit. */
export class LockedTimeline {
  constructor(
    private readonly tx: Tx,
    readonly session: InterviewSessionRow,
  ) {}

  events(types: readonly TimelineEventType[]): Promise<SessionEventRow[]> {
    return this.tx
      .select()
      .from(sessionEvents)
      .where(and(eq(sessionEvents.sessionId, this.session.id), inArray(sessionEvents.type, [...types])))
      .orderBy(asc(sessionEvents.seq));
  }

  /** Appends one event after the session's last; seqs have no gaps, as the lock lets one writer in at a time. */
  async append(event: NewSessionEvent, at: Date): Promise<SessionEventRow> {
    const [row] = await this.tx
      .insert(sessionEvents)
      .values({
        sessionId: this.session.id,
        seq: sql`(select coalesce(max(${sessionEvents.seq}), 0) + 1 from ${sessionEvents} where ${sessionEvents.sessionId} = ${this.session.id})`,
        at,
        userId: event.userId,
        type: event.type,
        payload: event.payload ?? {},
        visibility: event.visibility ?? 'all',
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  /** Whether the session's scorecard is released, as the transaction sees it (rule R3: no note after release). */
  isScorecardReleased(): Promise<boolean> {
    return scorecardReleased(this.tx, this.session.id);
  }

  /** Read in the transaction: a query on another connection would wait for this one's lock (or, on PGlite, hang). */
  nextSessionId(): Promise<string | null> {
    return nextRoundOf(this.tx, this.session.id);
  }

  /** Keeps the session row's copy of the clock's status in step with the timeline. */
  async setStatus(change: { status: SessionStatus; startedAt?: Date; endedAt?: Date }): Promise<void> {
    await this.tx.update(interviewSessions).set(change).where(eq(interviewSessions.id, this.session.id));
  }

  /** The recording's request, in the transaction that ends the session: the outbox row (rule V1). */
  requestRecording(): Promise<void> {
    return RecordingsRepository.request(this.tx, this.session.id);
  }
}

/** The append-only record of everything in a session outside the drawing (docs/protocol.md, rule I6). */
@Injectable()
export class SessionTimelineRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * Runs `work` in a transaction holding the session row's lock (NO KEY UPDATE: joins, whose foreign key
   * checks need only KEY SHARE, do not wait), so that changes to one session happen one after another.
   */
  locked<T>(sessionId: string, work: (timeline: LockedTimeline) => Promise<T>): Promise<T> {
    return this.database.db.transaction(async (tx) => {
      const [session] = await tx.select().from(interviewSessions).where(eq(interviewSessions.id, sessionId)).for('no key update');
      if (!session) throw new Error(`session ${sessionId} vanished`);
      return work(new LockedTimeline(tx, session));
    });
  }

  /** The round a role swap made from this session (rule R6), if any. */
  nextSessionId(sessionId: string): Promise<string | null> {
    return nextRoundOf(this.database.db, sessionId);
  }

  /** Whether the session's scorecard is released: from then on its candidate reads the private events (rule R8). */
  isScorecardReleased(sessionId: string): Promise<boolean> {
    return scorecardReleased(this.database.db, sessionId);
  }

  /** Events of the given types (all of them when omitted) that the given visibilities may see, in order. */
  list(sessionId: string, visibilities: readonly TimelineVisibility[], types?: readonly TimelineEventType[]): Promise<SessionEventRow[]> {
    return this.database.db
      .select()
      .from(sessionEvents)
      .where(
        and(
          eq(sessionEvents.sessionId, sessionId),
          inArray(sessionEvents.visibility, [...visibilities]),
          types ? inArray(sessionEvents.type, [...types]) : undefined,
        ),
      )
      .orderBy(asc(sessionEvents.seq));
  }
}

async function nextRoundOf(db: Db, sessionId: string): Promise<string | null> {
  const [row] = await db.select({ id: interviewSessions.id }).from(interviewSessions).where(eq(interviewSessions.previousSessionId, sessionId)).limit(1);
  return row?.id ?? null;
}

async function scorecardReleased(db: Db, sessionId: string): Promise<boolean> {
  const [row] = await db.select({ releasedAt: scorecards.releasedAt }).from(scorecards).where(eq(scorecards.sessionId, sessionId)).limit(1);
  return !!row?.releasedAt;
}
