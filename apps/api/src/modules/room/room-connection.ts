import type { ParticipantRole } from '@mockboard/protocol';
import type { Room } from '../../collab/room';
import { DelayedAcks } from './delayed-acks';
import type { LiveSession, ParticipantBudget } from './room-participants';

/** Longest delay setTimeout takes (about 24.8 days); a later deadline is approached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Errors tolerated in STRIKE_WINDOW_MS before the socket is disconnected (repeated abuse, rule P6). */
const MAX_STRIKES = 20;
const STRIKE_WINDOW_MS = 10_000;

/** Who is on the other end of a socket, as the server established it in the handshake. */
export interface Participant {
  userId: string;
  displayName: string;
  role: ParticipantRole;
  /** The sign-in (auth session) the socket was opened with: logging out closes the socket (rule P10). */
  authSessionId: string;
  /** When that sign-in expires: the socket is closed then too. */
  signInExpiresAt: Date;
}

/** What the gateway knows about one accepted socket; kept in `socket.data`. */
export class RoomConnection {
  /** Awareness client ids this socket has published, removed when it disconnects. */
  readonly awarenessClients = new Set<number>();
  readonly acks: DelayedAcks;
  private strikes: number[] = [];
  private closeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly room: Room,
    readonly participant: Participant,
    readonly session: LiveSession,
    readonly budget: ParticipantBudget,
    ackDelayMs: number,
  ) {
    this.acks = new DelayedAcks(ackDelayMs);
  }

  get canWrite(): boolean {
    return this.participant.role !== 'observer';
  }

  /** Runs `close` at `deadline` (a sign-in's expiry) unless the socket went first. */
  closeAt(deadline: Date, close: () => void): void {
    const wait = deadline.getTime() - Date.now();
    if (wait <= 0) return close();
    this.closeTimer = setTimeout(() => this.closeAt(deadline, close), Math.min(wait, MAX_TIMER_MS));
    this.closeTimer.unref();
  }

  cancelClose(): void {
    clearTimeout(this.closeTimer);
  }

  /** Records a refused message; true once the socket has misbehaved too often to keep. */
  strike(now = Date.now()): boolean {
    this.strikes = this.strikes.filter((t) => now - t < STRIKE_WINDOW_MS);
    this.strikes.push(now);
    return this.strikes.length > MAX_STRIKES;
  }
}
