import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { PresenceOwners } from './presence-owners';
import { TokenBucket } from './token-bucket';

/** What one user may send to one session, over all their sockets there (docs/protocol.md, rule P6). */
export interface ParticipantBudget {
  sockets: number;
  messages: TokenBucket;
  /** Bytes received: a message of any size passes on credit, and a flood is held to the sustained rate. */
  bytes: TokenBucket;
  /** Bytes of sync answers: the work a step 1 makes the server do is charged to whoever sent it. */
  syncBytes: TokenBucket;
  /** Chat messages (rule I5) and interview controls (rule I2), over the socket or REST. */
  chat: TokenBucket;
  controls: TokenBucket;
}

/** One session's live participants on this node. */
export interface LiveSession {
  /** Messages the session accepts from everyone in it. */
  messages: TokenBucket;
  participants: Map<string, ParticipantBudget>;
  /** Who published each presence id: a client speaks only for its own (rule D4). */
  presenceOwners: PresenceOwners;
}

/** How often budgets of users with no socket left are dropped; they are refilled by then anyway. */
const SWEEP_MS = 60_000;
/** Sync answers may reach this many seconds' worth at once. */
const SYNC_BURST_SECONDS = 16;

/**
 * Budgets per user and per session rather than per socket, so that opening more sockets buys nothing
 * (rule P6), and the count of each user's sockets per session (rule P2). A user's budget outlives their
 * sockets for a while: reconnecting does not refill it.
 */
@Injectable()
export class RoomParticipants implements OnModuleDestroy {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_MS).unref();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether the user may open one more socket in the session. */
  hasSeat(sessionId: string, userId: string): boolean {
    return (this.sessions.get(sessionId)?.participants.get(userId)?.sockets ?? 0) < this.config.room.maxSocketsPerUser;
  }

  /** Counts one socket in; undefined when the user already has as many as allowed. */
  join(sessionId: string, userId: string): { session: LiveSession; budget: ParticipantBudget } | undefined {
    const session = this.sessionOf(sessionId);
    const budget = this.budgetIn(session, userId);
    if (budget.sockets >= this.config.room.maxSocketsPerUser) return undefined;
    budget.sockets++;
    return { session, budget };
  }

  /** The user's budget in the session, for what they send over REST: the same one their sockets spend. */
  budgetOf(sessionId: string, userId: string): ParticipantBudget {
    return this.budgetIn(this.sessionOf(sessionId), userId);
  }

  leave(budget: ParticipantBudget): void {
    budget.sockets = Math.max(0, budget.sockets - 1);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private budgetIn(session: LiveSession, userId: string): ParticipantBudget {
    let budget = session.participants.get(userId);
    if (!budget) {
      const room = this.config.room;
      budget = {
        sockets: 0,
        messages: new TokenBucket(room.messagesPerSecond, room.messageBurst),
        bytes: new TokenBucket(room.bytesPerSecond, room.bytesBurst),
        syncBytes: new TokenBucket(room.syncBytesPerSecond, room.syncBytesPerSecond * SYNC_BURST_SECONDS),
        chat: new TokenBucket(room.chatPerSecond, room.chatBurst),
        controls: new TokenBucket(room.controlsPerSecond, room.controlsBurst),
      };
      session.participants.set(userId, budget);
    }
    return budget;
  }

  private sessionOf(sessionId: string): LiveSession {
    let session = this.sessions.get(sessionId);
    if (!session) {
      const rate = this.config.room.sessionMessagesPerSecond;
      const { presenceIdsPerSocket, maxSocketsPerUser } = this.config.room;
      session = {
        messages: new TokenBucket(rate, rate * 2),
        participants: new Map(),
        presenceOwners: new PresenceOwners(presenceIdsPerSocket * maxSocketsPerUser),
      };
      this.sessions.set(sessionId, session);
    }
    return session;
  }

  private sweep(): void {
    for (const [sessionId, session] of this.sessions) {
      for (const [userId, budget] of session.participants) if (budget.sockets === 0) session.participants.delete(userId);
      if (session.participants.size === 0) this.sessions.delete(sessionId);
    }
  }
}
