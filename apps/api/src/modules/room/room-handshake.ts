import { PROTOCOL_VERSION, roomHandshakeSchema } from '@mockboard/protocol';
import { parse as parseCookies } from 'cookie';
import type { Socket } from 'socket.io';
import { ApiError } from '../../core/errors/api-error';
import type { AuthService, Authenticated } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-token';
import type { SessionAccess, SessionsService } from '../sessions/sessions.service';
import { RoomRefusal } from './room-errors';

export interface HandshakeResult {
  auth: Authenticated;
  access: SessionAccess;
}

/**
 * Authenticates and authorises a room connection before it is accepted (rule P2). Order matters: a
 * version mismatch is reported before anything else so an outdated client learns why at once.
 */
export async function authoriseHandshake(
  socket: Socket,
  deps: { auth: AuthService; sessions: SessionsService },
): Promise<HandshakeResult> {
  const raw: unknown = socket.handshake.auth;
  const version = typeof raw === 'object' && raw && 'protocolVersion' in raw ? raw.protocolVersion : undefined;
  if (typeof version !== 'number' || version < PROTOCOL_VERSION) throw new RoomRefusal('client_too_old');
  if (version > PROTOCOL_VERSION) throw new RoomRefusal('server_too_old');

  const parsed = roomHandshakeSchema.safeParse(raw);
  if (!parsed.success) throw new RoomRefusal('not_found');

  const token = parsed.data.token ?? parseCookies(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
  const auth = token ? await deps.auth.authenticate(token) : undefined;
  if (!auth) throw new RoomRefusal('unauthorized');

  try {
    return { auth, access: await deps.sessions.access(auth.user.id, parsed.data.sessionId) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'forbidden') throw new RoomRefusal('forbidden');
    if (error instanceof ApiError && error.code === 'not_found') throw new RoomRefusal('not_found');
    throw error;
  }
}
