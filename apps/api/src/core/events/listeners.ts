/** In-process notices of one kind: whoever must react subscribes, whoever made the change publishes. */
export class Listeners<T> {
  private readonly listeners = new Set<(event: T) => void>();

  /** Returns the unsubscribe function. */
  subscribe(listener: (event: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: T): void {
    for (const listener of this.listeners) listener(event);
  }
}
