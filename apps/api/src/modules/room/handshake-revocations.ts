import type { AccessEnded } from '../../core/events/access-events';

interface Identity {
  authSessionId: string;
  sessionId: string;
  userId: string;
}

/**
 * Access that ends while a handshake is under way (rule P10). The handshake checks the sign-in and the
 * participant, then may wait on the room's load; a log-out or a removal in between would reach no socket,
 * since none is connected yet. Handshakes note when they start, revocations are kept while any handshake
 * that started before them is still running, and a handshake asks at its end whether one concerned it.
 */
export class HandshakeRevocations {
  private readonly revocations: Array<{ at: number; event: AccessEnded }> = [];
  /** Start marks of the handshakes still running, with how many started at each. */
  private readonly running = new Map<number, number>();
  private clock = 0;

  start(): number {
    const mark = this.clock;
    this.running.set(mark, (this.running.get(mark) ?? 0) + 1);
    return mark;
  }

  record(event: AccessEnded): void {
    if (this.running.size > 0) this.revocations.push({ at: this.clock, event });
    this.clock++;
  }

  /** Ends a handshake; what ended its access since it started, if anything did. */
  finish(mark: number, identity: Identity | undefined): AccessEnded | undefined {
    const revoked = identity && this.revocations.find(({ at, event }) => at >= mark && concerns(event, identity))?.event;
    const count = (this.running.get(mark) ?? 1) - 1;
    if (count > 0) this.running.set(mark, count);
    else this.running.delete(mark);
    const oldest = Math.min(...this.running.keys());
    while (this.revocations[0] && this.revocations[0].at < oldest) this.revocations.shift();
    return revoked;
  }
}

function concerns(event: AccessEnded, identity: Identity): boolean {
  return event.kind === 'signed_out'
    ? event.authSessionId === identity.authSessionId
    : event.sessionId === identity.sessionId && event.userId === identity.userId;
}
