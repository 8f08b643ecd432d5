import type { Request } from 'express';
import { SESSION_COOKIE } from './session-token';

/** A bearer header wins over the cookie, so API clients are never confused by a stale browser cookie. */
export function tokenFromRequest(req: Pick<Request, 'headers' | 'cookies'>): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  const cookie: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof cookie === 'string' && cookie ? cookie : undefined;
}
