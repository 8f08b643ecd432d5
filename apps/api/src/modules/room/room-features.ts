import { Injectable } from '@nestjs/common';
import type { InterviewSessionRow } from '@mockboard/db';
import type { RoomClientToServerEvents, RoomServerToClientEvents } from '@mockboard/protocol';
import type { Namespace } from 'socket.io';
import type { Participant } from './room-connection';
import type { ParticipantBudget } from './room-participants';

type ServerEvent = keyof RoomServerToClientEvents;
type ServerPayload<E extends ServerEvent> = Parameters<RoomServerToClientEvents[E]>[0];

/** One socket in a session's room, as a feature sees it. */
export interface RoomMember {
  /** The session as the handshake read it: its id, problem and length do not change. */
  session: InterviewSessionRow;
  participant: Participant;
  emit<E extends ServerEvent>(event: E, payload: ServerPayload<E>): void;
}

/** A client event a feature answers (docs/protocol.md, rule I7). */
export interface RoomEventHandler {
  event: Exclude<keyof RoomClientToServerEvents, 'yjs'>;
  /** The sender's budget each message is charged to, before anything else is looked at (rule P6). */
  budget: keyof Pick<ParticipantBudget, 'chat' | 'controls'>;
  /** What the acknowledgement adds to `{ ok: true }`; throws a RoomMessageError to refuse. */
  handle(member: RoomMember, payload: unknown): Promise<Record<string, unknown>>;
}

/**
 * What the interview adds to a room beyond the document. Features plug in here rather than into the
 * gateway: they hear of sockets joining, answer their own events, and push to a session's sockets.
 */
export interface RoomFeature {
  onJoined?(member: RoomMember): Promise<void>;
  events?: readonly RoomEventHandler[];
}

@Injectable()
export class RoomFeatures {
  private readonly features: RoomFeature[] = [];
  private namespace: Namespace | undefined;

  use(feature: RoomFeature): void {
    this.features.push(feature);
  }

  get all(): readonly RoomFeature[] {
    return this.features;
  }

  /** Called by the gateway once its namespace exists. */
  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** Sends each socket of the session on this server its own body, for events whose body depends on the viewer. */
  async emitEach<E extends ServerEvent>(sessionId: string, event: E, bodyFor: (participant: Participant) => ServerPayload<E>): Promise<void> {
    const sockets = (await this.namespace?.in(sessionId).fetchSockets()) ?? [];
    for (const socket of sockets) {
      const participant = (socket.data as { participant?: Participant }).participant;
      if (participant) socket.emit(event, ...([bodyFor(participant)] as Parameters<RoomServerToClientEvents[E]>));
    }
  }

  /** Sends an event to every socket of the session on this server (rule I7). */
  broadcast<E extends ServerEvent>(sessionId: string, event: E, payload: ServerPayload<E>): void {
    this.namespace?.to(sessionId).emit(event, ...([payload] as Parameters<RoomServerToClientEvents[E]>));
  }
}
