import { createHmac, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'mb_session';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function newSessionToken(): string {
  return `mb_${randomBytes(32).toString('base64url')}`;
}

/** Keyed so that a leaked database alone cannot be used to forge or look up live tokens. */
export function hashSessionToken(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
