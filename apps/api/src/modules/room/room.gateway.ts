import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import { describeError, type InterviewSessionRow } from '@mockboard/db';
import {
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  awarenessMessage,
  CONNECT_UNAVAILABLE,
  ROOM_NAMESPACE,
  syncStep1Message,
  type RoomCloseReason,
  type RoomError,
  type YjsAck,
} from '@mockboard/protocol';
import type { Namespace, Socket } from 'socket.io';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { RoomRegistry } from '../../collab/room-registry';
import { APP_CONFIG } from '../../core/config/config.module';
import { AccessEvents, type AccessEnded } from '../../core/events/access-events';
import { AuthService } from '../auth/auth.service';
import { SessionsService } from '../sessions/sessions.service';
import { coalesceWrites } from './coalesce-writes';
import { HandshakeRevocations } from './handshake-revocations';
import { limitOutbound } from './outbound-limit';
import { RoomConnection, type Participant } from './room-connection';
import { RoomMessageError, RoomRefusal } from './room-errors';
import { authoriseHandshake } from './room-handshake';
import { type RoomEventHandler, RoomFeatures, type RoomMember } from './room-features';
import { RoomMessagesService } from './room-messages.service';
import { RoomParticipants } from './room-participants';

type RoomSocket = Socket & {
  data: { participant?: Participant; sessionId?: string; session?: InterviewSessionRow; connection?: RoomConnection };
};

/** The `/room` namespace: one Socket.IO room per interview session, carrying y-protocols messages. */
@WebSocketGateway({ namespace: ROOM_NAMESPACE })
export class RoomGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private readonly namespace!: Namespace;
  private readonly logger = new Logger('RoomGateway');
  /** Open sockets by the sign-in they were opened with, so that logging out closes them (rule P10). */
  private readonly bySignIn = new Map<string, Set<RoomSocket>>();
  private readonly revocations = new HandshakeRevocations();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly rooms: RoomRegistry,
    private readonly messages: RoomMessagesService,
    private readonly participants: RoomParticipants,
    private readonly features: RoomFeatures,
    accessEvents: AccessEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.unsubscribe = accessEvents.subscribe((event) => this.onAccessEnded(event));
    this.rooms.use({
      onEvicted: (room) => {
        this.namespace.to(room.sessionId).emit('room:closed', { reason: 'reload' });
        this.namespace.in(room.sessionId).disconnectSockets(true);
      },
    });
  }

  /**
   * The handshake authenticates, authorises and loads the room, so a refused client never joins it (rule
   * P2). Nothing is held for the socket yet: one that closes before it connects fires no disconnect.
   */
  afterInit(namespace: Namespace): void {
    this.features.attach(namespace);
    namespace.use((socket: RoomSocket, next) => {
      const mark = this.revocations.start();
      this.admit(socket).then(
        (participant) => {
          const ended = this.revocations.finish(mark, participant);
          if (!ended) return next();
          next(new Error(ended.kind === 'signed_out' ? 'unauthorized' : 'forbidden'));
        },
        (error: unknown) => {
          this.revocations.finish(mark, undefined);
          if (error instanceof RoomRefusal) return next(new Error(error.reason));
          this.logger.error(`Room handshake failed: ${describeError(error)}`);
          next(new Error(CONNECT_UNAVAILABLE));
        },
      );
    });
  }

  /** Who the socket is, in which session, with the room loaded; throws a RoomRefusal with the reason otherwise. */
  private async admit(socket: RoomSocket): Promise<Participant & { sessionId: string }> {
    const { auth, access } = await authoriseHandshake(socket, { auth: this.auth, sessions: this.sessions });
    if (!this.participants.hasSeat(access.session.id, auth.user.id)) throw new RoomRefusal('too_many_connections');
    await this.rooms.load(access.session.id).catch((error: unknown) => {
      this.logger.error(`Loading room ${access.session.id} failed: ${describeError(error)}`);
      throw new RoomRefusal(CONNECT_UNAVAILABLE);
    });
    socket.data.sessionId = access.session.id;
    socket.data.session = access.session;
    socket.data.participant = {
      userId: auth.user.id,
      displayName: auth.user.displayName,
      role: access.role,
      authSessionId: auth.sessionId,
      signInExpiresAt: auth.expiresAt,
    };
    return { ...socket.data.participant, sessionId: access.session.id };
  }

  /** Claims the room and the user's budget, then opens the sync exchange and shares who is present (rule P4). */
  handleConnection(socket: RoomSocket): void {
    const { sessionId, session, participant } = socket.data;
    if (!sessionId || !session || !participant) return void socket.disconnect(true);
    const room = this.rooms.claim(sessionId);
    // Evicted between the handshake and now: the client reconnects to the reloaded room.
    if (!room) return void this.close([socket], 'reload');
    const seat = this.participants.join(sessionId, participant.userId);
    if (!seat) {
      this.rooms.release(room);
      return void socket.disconnect(true);
    }
    const connection = new RoomConnection(room, participant, seat.session, seat.budget, this.config.room.ackDelayMs);
    socket.data.connection = connection;
    this.trackSignIn(socket, participant.authSessionId, true);
    connection.closeAt(participant.signInExpiresAt, () => this.close([socket], 'unauthorized'));

    // Registered on the socket directly rather than through @SubscribeMessage: this is the room's hot
    // path, and Nest's per-message pipeline costs more than the handler itself.
    socket.on('yjs', (payload: unknown, ack?: unknown) => this.onYjs(socket, payload, ack));
    coalesceWrites(socket, connection.acks.flush);
    limitOutbound(socket, this.config.room.maxBufferedBytes, () =>
      this.logger.warn(`Disconnected a socket of ${participant.userId} in ${sessionId}: it stopped reading (over ${this.config.room.maxBufferedBytes} bytes waiting)`),
    );
    void socket.join(room.sessionId);
    socket.emit('yjs', syncStep1Message(room.stateVector()));
    const present = [...room.awareness.getStates().keys()];
    if (present.length > 0) socket.emit('yjs', awarenessMessage(room.awareness, present));
    this.joinFeatures(socket, session, participant);
  }

  /** Hands the socket to the interview's features: they greet it and answer their own events (rule I7). */
  private joinFeatures(socket: RoomSocket, session: InterviewSessionRow, participant: Participant): void {
    const member: RoomMember = { session, participant, emit: (event, payload) => socket.emit(event, payload) };
    for (const feature of this.features.all) {
      feature.onJoined?.(member).catch((error: unknown) => this.logger.error(`Greeting a socket in ${session.id} failed: ${describeError(error)}`));
      for (const handler of feature.events ?? []) {
        socket.on(handler.event, (payload: unknown, ack?: unknown) => this.onFeatureEvent(socket, member, handler, payload, ack));
      }
    }
  }

  private onFeatureEvent(socket: RoomSocket, member: RoomMember, handler: RoomEventHandler, payload: unknown, ack: unknown): void {
    const connection = socket.data.connection;
    if (!connection) return;
    const reply = typeof ack === 'function' ? (ack as (result: unknown) => void) : undefined;
    const refuse = (error: RoomMessageError) => {
      if (reply) reply({ ok: false, error: error.code });
      else socket.emit('room:error', { code: error.code, message: error.message });
      if (error.code === 'invalid_message' && connection.strike()) socket.disconnect(true);
    };
    if (!connection.budget[handler.budget].take()) return refuse(new RoomMessageError('rate_limited', 'Too many messages: slow down'));
    handler.handle(member, payload).then(
      (result) => reply?.({ ok: true, ...result }),
      (error: unknown) => {
        if (error instanceof RoomMessageError) return refuse(error);
        this.logger.error(`Handling ${handler.event} in ${member.session.id} failed: ${describeError(error)}`);
        refuse(new RoomMessageError('server_busy', 'The server could not do that just now: try again'));
      },
    );
  }

  handleDisconnect(socket: RoomSocket): void {
    const connection = socket.data.connection;
    if (!connection) return;
    socket.data.connection = undefined;
    connection.acks.cancel();
    connection.cancelClose();
    this.trackSignIn(socket, connection.participant.authSessionId, false);
    const { room } = connection;
    try {
      // The ids stay their user's (D4): a reconnecting client comes back with the same one.
      const gone = [...connection.awarenessClients];
      if (gone.length > 0 && !room.evicted) {
        removeAwarenessStates(room.awareness, gone, socket.id);
        this.namespace.to(room.sessionId).emit('yjs', awarenessMessage(room.awareness, gone));
      }
    } catch (error) {
      this.logger.error(`Clearing the presence of ${socket.id} failed: ${describeError(error)}`);
    } finally {
      this.participants.leave(connection.budget);
      this.rooms.release(room);
    }
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private onYjs(socket: RoomSocket, payload: unknown, ack: unknown): void {
    const connection = socket.data.connection;
    if (!connection) return;
    const reply = typeof ack === 'function' ? (ack as (result: YjsAck) => void) : undefined;
    try {
      const result = this.messages.handle(socket, connection, payload, reply && (() => connection.acks.add(reply)));
      if (result) reply?.(result);
    } catch (error) {
      this.refuse(socket, connection, error, reply);
    }
  }

  private refuse(socket: RoomSocket, connection: RoomConnection, error: unknown, reply?: (result: YjsAck) => void): void {
    const roomError: RoomError =
      error instanceof RoomMessageError
        ? { code: error.code, message: error.message }
        : { code: 'invalid_message', message: 'The message could not be applied' };
    if (!(error instanceof RoomMessageError)) {
      this.logger.error(`Unexpected error handling a yjs message: ${describeError(error)}`);
    }
    socket.emit('room:error', roomError);
    reply?.({ ok: false, error: roomError.code });
    // A backlog is the server's doing, not the sender's: it is no strike against them.
    if (roomError.code !== 'server_busy' && connection.strike()) socket.disconnect(true);
  }

  private onAccessEnded(event: AccessEnded): void {
    this.revocations.record(event);
    if (event.kind === 'signed_out') {
      this.close([...(this.bySignIn.get(event.authSessionId) ?? [])], 'unauthorized');
      return;
    }
    const ids = this.namespace.adapter.rooms.get(event.sessionId) ?? new Set<string>();
    const sockets = [...ids].map((id) => this.namespace.sockets.get(id) as RoomSocket | undefined);
    this.close(
      sockets.filter((s): s is RoomSocket => s?.data.participant?.userId === event.userId),
      'forbidden',
    );
  }

  /** Tells each socket why, then cuts it (rule P10). */
  private close(sockets: Iterable<Socket>, reason: RoomCloseReason): void {
    for (const socket of sockets) {
      socket.emit('room:closed', { reason });
      socket.disconnect(true);
    }
  }

  private trackSignIn(socket: RoomSocket, authSessionId: string, open: boolean): void {
    const sockets = this.bySignIn.get(authSessionId) ?? new Set<RoomSocket>();
    if (open) sockets.add(socket);
    else sockets.delete(socket);
    if (sockets.size > 0) this.bySignIn.set(authSessionId, sockets);
    else this.bySignIn.delete(authSessionId);
  }
}
