import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { clientAddress } from '../../core/http/client-address';

/**
 * Login attempts are counted per client address and email, so one attacker cannot lock everyone out
 * and one shared office address does not throttle colleagues guessing their own passwords.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as Request;
    const body: unknown = request.body;
    // Runs before the body is validated: a non-string email (an object whose toString is not a function,
    // say) must not throw here.
    const email = typeof body === 'object' && body && 'email' in body && typeof body.email === 'string' ? body.email.toLowerCase() : '';
    return Promise.resolve(`${clientAddress(request)}|${email}`);
  }
}
