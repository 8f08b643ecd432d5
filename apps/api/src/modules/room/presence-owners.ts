/**
 * Which user published each awareness client id in a session (docs/protocol.md, rule D4). An id stays its
 * user's after their socket goes, so that nobody takes it over before they reconnect with the same
 * document; a user keeps at most `maxPerUser` ids, the oldest ones no longer shown giving way first.
 */
export class PresenceOwners {
  private readonly owners = new Map<number, string>();
  /** Each user's ids, oldest first. */
  private readonly byUser = new Map<string, Set<number>>();

  constructor(private readonly maxPerUser: number) {}

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /** `shown` tells whether an id has a presence state right now: those are never dropped. */
  claim(clientId: number, userId: string, shown: (clientId: number) => boolean): void {
    if (this.owners.get(clientId) === userId) return;
    this.owners.set(clientId, userId);
    const ids = this.byUser.get(userId) ?? new Set<number>();
    ids.add(clientId);
    this.byUser.set(userId, ids);
    for (const id of ids) {
      if (ids.size <= this.maxPerUser) break;
      if (shown(id)) continue;
      ids.delete(id);
      this.owners.delete(id);
    }
  }

  release(clientId: number): void {
    const userId = this.owners.get(clientId);
    if (userId === undefined) return;
    this.owners.delete(clientId);
    this.byUser.get(userId)?.delete(clientId);
  }
}
