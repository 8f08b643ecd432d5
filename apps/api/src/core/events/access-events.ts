import { Injectable } from '@nestjs/common';

/** Someone's access ended: a sign-in was revoked, or a participant lost their place in a session. */
export type AccessEnded = { kind: 'signed_out'; authSessionId: string } | { kind: 'left_session'; sessionId: string; userId: string };

/**
 * In-process notices for whoever holds live connections on the strength of that access (the room
 * gateway, docs/protocol.md rule P10), so that they are closed at once instead of at their next check.
 */
@Injectable()
export class AccessEvents {
  private readonly listeners = new Set<(event: AccessEnded) => void>();

  /** Returns the unsubscribe function. */
  subscribe(listener: (event: AccessEnded) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: AccessEnded): void {
    for (const listener of this.listeners) listener(event);
  }
}
