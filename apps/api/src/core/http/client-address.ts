import type { Request } from 'express';

/**
 * The address limits are keyed by. Express derives `req.ip` from the socket, or from X-Forwarded-For only
 * when TRUST_PROXY is set (create-app.ts); it is undefined once the socket has gone, which then shares one
 * key rather than escaping the limit.
 */
export function clientAddress(req: Request): string {
  return req.ip ?? 'unknown';
}
