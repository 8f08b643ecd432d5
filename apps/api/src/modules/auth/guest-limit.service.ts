import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { HourlyLimiter } from '../../core/limits/hourly-limiter';
import { AuthError } from './auth.errors';

/**
 * Guest accounts cost nothing to make, so one client address may make only GUESTS_PER_HOUR of them. The
 * address is `req.ip`, which believes X-Forwarded-For only when TRUST_PROXY says so.
 */
@Injectable()
export class GuestLimit {
  private readonly limiter: HourlyLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new HourlyLimiter(config.limits.guestsPerHour);
  }

  async take(clientAddress: string): Promise<void> {
    const verdict = await this.limiter.take(clientAddress);
    if (!verdict.allowed) throw AuthError.tooManyGuests(this.limiter.perHour, verdict.retryAfterSeconds);
  }
}
