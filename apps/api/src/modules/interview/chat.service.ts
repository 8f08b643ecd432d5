import { Injectable } from '@nestjs/common';
import type { InterviewSessionRow, SessionEventRow } from '@mockboard/db';
import { chatSendSchema, type ChatMessage } from '@mockboard/protocol';
import { parseBody } from '../../core/http/zod-body.pipe';
import { RoomFeatures } from '../room/room-features';
import type { InterviewActor } from './interview-actor';
import { InterviewError } from './interview.errors';
import { SessionTimelineRepository } from './session-timeline.repository';

/** The room's chat: each message is a timeline event, then pushed to the room (rule I5). */
@Injectable()
export class ChatService {
  constructor(
    private readonly timeline: SessionTimelineRepository,
    private readonly room: RoomFeatures,
  ) {}

  async send(actor: InterviewActor, session: InterviewSessionRow, input: unknown): Promise<ChatMessage> {
    if (actor.role === 'observer') throw InterviewError.observersRead();
    const { text } = parseBody(chatSendSchema, input);
    const row = await this.timeline.locked(session.id, (timeline) =>
      timeline.append({ type: 'chat', userId: actor.userId, payload: { text, displayName: actor.displayName } }, new Date()),
    );
    const message = toMessage(row);
    this.room.broadcast(session.id, 'chat:message', message);
    return message;
  }

  async history(session: InterviewSessionRow): Promise<ChatMessage[]> {
    return (await this.timeline.list(session.id, ['all'], ['chat'])).map(toMessage);
  }
}

function toMessage(row: SessionEventRow): ChatMessage {
  return {
    id: row.seq,
    at: row.at.getTime(),
    userId: row.userId,
    displayName: String(row.payload['displayName'] ?? ''),
    text: String(row.payload['text'] ?? ''),
  };
}
