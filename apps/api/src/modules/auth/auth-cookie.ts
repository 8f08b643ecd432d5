import type { AppConfig } from '@mockboard/config';
import type { CookieOptions } from 'express';
import { SESSION_TTL_MS } from './session-token';

export function sessionCookieOptions(config: AppConfig): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    path: '/',
    maxAge: SESSION_TTL_MS,
  };
}
