import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * Login attempts are counted per client address and email, so one attacker cannot lock everyone out
 * and one shared office address does not throttle colleagues guessing their own passwords.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as Request;
    const body: unknown = request.body;
    const email = typeof body === 'object' && body && 'email' in body ? String(body.email).toLowerCase() : '';
    return Promise.resolve(`${request.ip ?? 'unknown'}|${email}`);
  }
}
