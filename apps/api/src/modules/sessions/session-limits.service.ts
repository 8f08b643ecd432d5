import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { HourlyLimiter } from '../../core/limits/hourly-limiter';
import { SessionError } from './sessions.errors';

/** SESSIONS_PER_HOUR per user and INVITE_FAILURES_PER_HOUR per client address. */
@Injectable()
export class SessionLimits {
  private readonly creations: HourlyLimiter;
  private readonly inviteFailures: HourlyLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.creations = new HourlyLimiter(config.limits.sessionsPerHour);
    this.inviteFailures = new HourlyLimiter(config.limits.inviteFailuresPerHour);
  }

  async takeCreation(userId: string): Promise<void> {
    const verdict = await this.creations.take(userId);
    if (!verdict.allowed) throw SessionError.tooManySessions(this.creations.perHour, verdict.retryAfterSeconds);
  }

  /**
   * Every join is counted as a failure before the code is looked up, and given back once the code turns out
   * right: counting after the look-up would let many simultaneous guesses all pass the check. Once an
   * address is over the limit even a right code is refused, so a guesser cannot tell right from wrong.
   */
  async takeJoinAttempt(clientAddress: string): Promise<void> {
    const verdict = await this.inviteFailures.take(clientAddress);
    if (!verdict.allowed) throw SessionError.tooManyInviteFailures(this.inviteFailures.perHour, verdict.retryAfterSeconds);
  }

  async forgiveJoinAttempt(clientAddress: string): Promise<void> {
    await this.inviteFailures.giveBack(clientAddress);
  }
}
