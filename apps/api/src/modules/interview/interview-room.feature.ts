import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { InterviewSessionRow } from '@mockboard/db';
import { sessionControlSchema, type ApiErrorCode, type RoomErrorCode } from '@mockboard/protocol';
import { ApiError } from '../../core/errors/api-error';
import { RoomMessageError } from '../room/room-errors';
import { RoomFeatures, type RoomMember } from '../room/room-features';
import { ChatService } from './chat.service';
import type { InterviewActor } from './interview-actor';
import { InterviewService } from './interview.service';

/** REST error codes as room error codes (rule I7). */
const ROOM_CODES: Partial<Record<ApiErrorCode, RoomErrorCode>> = {
  forbidden: 'forbidden',
  invalid_body: 'invalid_message',
  conflict: 'conflict',
  rate_limited: 'rate_limited',
};

/** The interview in the room: `session:state` on joining, and the `session:control` and `chat:send` events. */
@Injectable()
export class InterviewRoomFeature implements OnModuleInit {
  constructor(
    private readonly features: RoomFeatures,
    private readonly interview: InterviewService,
    private readonly chat: ChatService,
  ) {}

  onModuleInit(): void {
    this.features.use({
      onJoined: async (member) => member.emit('session:state', await this.interview.state(member.session)),
      events: [
        {
          event: 'session:control',
          budget: 'controls',
          handle: (member, payload) =>
            this.asRoomError(async (actor, session) => {
              await this.interview.control(actor, session, payload, sessionControlSchema, 'socket');
              return {};
            })(member),
        },
        {
          event: 'chat:send',
          budget: 'chat',
          handle: (member, payload) =>
            this.asRoomError(async (actor, session) => {
              if (actor.role === 'observer') throw new RoomMessageError('read_only', 'Observers read the chat but do not write in it');
              return { id: (await this.chat.send(actor, session, payload)).id };
            })(member),
        },
      ],
    });
  }

  /**
   * The socket's stored role and session, as the handshake read them, act: no look-up per message (a
   * participant who loses access has their sockets closed, rule P10). REST errors become room errors.
   */
  private asRoomError(work: (actor: InterviewActor, session: InterviewSessionRow) => Promise<Record<string, unknown>>) {
    return async (member: RoomMember): Promise<Record<string, unknown>> => {
      const { userId, displayName, role } = member.participant;
      try {
        return await work({ userId, displayName, role }, member.session);
      } catch (error) {
        const code = error instanceof ApiError ? ROOM_CODES[error.code as ApiErrorCode] : undefined;
        if (code) throw new RoomMessageError(code, (error as Error).message);
        throw error;
      }
    };
  }
}
