import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const HOUR_SECONDS = 60 * 60;

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts attempts per key (a user id, a client address) in fixed one-hour windows that start with the
 * key's first attempt. Counts live in this process's memory, like the log-in throttle's: they reset on a
 * restart, and several api processes would each allow the full number. That is enough for what these limits
 * are for (stopping one client from filling the database or guessing codes), not for billing.
 */
export class HourlyLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly perHour: number) {
    this.limiter = new RateLimiterMemory({ points: perHour, duration: HOUR_SECONDS });
  }

  /** Counts one attempt, refused ones included: hammering a refused key does not make it count less. */
  async take(key: string): Promise<LimitVerdict> {
    try {
      await this.limiter.consume(key);
      return { allowed: true };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
  }

  /** Un-counts an attempt taken with `take` that turned out not to be one the limit is about. */
  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key);
  }
}
