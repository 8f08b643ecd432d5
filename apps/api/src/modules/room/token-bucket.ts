/**
 * Allows `burst` units at once and `perSecond` sustained; a flood is refused, not queued. Units are
 * messages or bytes, as the caller counts them.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  /** Takes `cost` units if that many are left. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /**
   * Whether anything is left; a caller that goes ahead then pays the real cost with `charge`, which may
   * run the bucket into debt. For work whose cost is known only once done (the size of a sync answer), so
   * that one answer of any size is always possible and a flood is held to the sustained rate.
   */
  hasCredit(): boolean {
    this.refill();
    return this.tokens > 0;
  }

  charge(cost: number): void {
    this.refill();
    this.tokens -= cost;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
  }
}
