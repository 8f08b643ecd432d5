import { Injectable } from '@nestjs/common';

/**
 * In-process notice that a session ended, once its transaction committed: what must follow the end (its
 * recording's job) plugs in here instead of into the interview.
 */
@Injectable()
export class SessionEndedEvents {
  private readonly listeners = new Set<(sessionId: string) => void>();

  subscribe(listener: (sessionId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(sessionId: string): void {
    for (const listener of this.listeners) listener(sessionId);
  }
}
