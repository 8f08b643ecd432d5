import type { ParticipantRole } from '@mockboard/protocol';
import type { Room } from '../../collab/room';
import { DelayedAcks } from './delayed-acks';
import { TokenBucket } from './token-bucket';

const MESSAGES_PER_SECOND = 120;
const MESSAGE_BURST = 240;
/** Errors tolerated in STRIKE_WINDOW_MS before the socket is disconnected (repeated abuse, rule P6). */
const MAX_STRIKES = 20;
const STRIKE_WINDOW_MS = 10_000;

/** What the gateway knows about one accepted socket; kept in `socket.data`. */
export class RoomConnection {
  readonly limiter = new TokenBucket(MESSAGES_PER_SECOND, MESSAGE_BURST);
  /** Awareness client ids this socket has published, removed when it disconnects. */
  readonly awarenessClients = new Set<number>();
  readonly acks: DelayedAcks;
  private strikes: number[] = [];

  constructor(
    readonly room: Room,
    readonly userId: string,
    readonly role: ParticipantRole,
    ackDelayMs: number,
  ) {
    this.acks = new DelayedAcks(ackDelayMs);
  }

  get canWrite(): boolean {
    return this.role !== 'observer';
  }

  /** Records a refused message; true once the socket has misbehaved too often to keep. */
  strike(now = Date.now()): boolean {
    this.strikes = this.strikes.filter((t) => now - t < STRIKE_WINDOW_MS);
    this.strikes.push(now);
    return this.strikes.length > MAX_STRIKES;
  }
}
