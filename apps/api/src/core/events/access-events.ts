import { Injectable } from '@nestjs/common';
import { Listeners } from './listeners';

/** Someone's access ended: a sign-in was revoked, or a participant lost their place in a session. */
export type AccessEnded = { kind: 'signed_out'; authSessionId: string } | { kind: 'left_session'; sessionId: string; userId: string };

/**
 * In-process notices for whoever holds live connections on the strength of that access (the room
 * gateway, docs/protocol.md rule P10), so that they are closed at once instead of at their next check.
 */
@Injectable()
export class AccessEvents extends Listeners<AccessEnded> {}
