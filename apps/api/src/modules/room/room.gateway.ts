import { Inject, Logger } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import {
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { awarenessMessage, ROOM_NAMESPACE, syncStep1Message, type RoomError, type YjsAck } from '@mockboard/protocol';
import type { Namespace, Socket } from 'socket.io';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { RoomRegistry } from '../../collab/room-registry';
import { APP_CONFIG } from '../../core/config/config.module';
import { AuthService } from '../auth/auth.service';
import { SessionsService } from '../sessions/sessions.service';
import { coalesceWrites } from './coalesce-writes';
import { RoomConnection } from './room-connection';
import { RoomMessageError, RoomRefusal } from './room-errors';
import { authoriseHandshake } from './room-handshake';
import { RoomMessagesService } from './room-messages.service';

type RoomSocket = Socket & { data: { connection?: RoomConnection } };

/** The `/room` namespace: one Socket.IO room per interview session, carrying y-protocols messages. */
@WebSocketGateway({ namespace: ROOM_NAMESPACE })
export class RoomGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() private readonly namespace!: Namespace;
  private readonly logger = new Logger('RoomGateway');

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly rooms: RoomRegistry,
    private readonly messages: RoomMessagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Authentication runs in the handshake, so a refused client never joins a room (rule P2). */
  afterInit(namespace: Namespace): void {
    namespace.use((socket: RoomSocket, next) => {
      authoriseHandshake(socket, { auth: this.auth, sessions: this.sessions })
        .then(async ({ auth, access }) => {
          const room = await this.rooms.acquire(access.session.id);
          socket.data.connection = new RoomConnection(room, auth.user.id, access.role, this.config.room.ackDelayMs);
          next();
        })
        .catch((error: unknown) => {
          if (error instanceof RoomRefusal) return next(new Error(error.reason));
          this.logger.error(`Room handshake failed: ${String(error)}`);
          next(new Error('unavailable'));
        });
    });
  }

  /** The server opens the sync exchange and shares who is present (rule P4). */
  handleConnection(socket: RoomSocket): void {
    const connection = socket.data.connection;
    if (!connection) return void socket.disconnect(true);
    const { room } = connection;
    // Registered on the socket directly rather than through @SubscribeMessage: this is the room's hot
    // path, and Nest's per-message pipeline costs more than the handler itself.
    socket.on('yjs', (payload: unknown, ack?: unknown) => this.onYjs(socket, payload, ack));
    coalesceWrites(socket, connection.acks.flush);
    void socket.join(room.sessionId);
    socket.emit('yjs', syncStep1Message(room.stateVector()));
    const present = [...room.awareness.getStates().keys()];
    if (present.length > 0) socket.emit('yjs', awarenessMessage(room.awareness, present));
  }

  handleDisconnect(socket: RoomSocket): void {
    const connection = socket.data.connection;
    if (!connection) return;
    socket.data.connection = undefined;
    connection.acks.cancel();
    const { room } = connection;
    try {
      const gone = [...connection.awarenessClients];
      if (gone.length > 0) {
        removeAwarenessStates(room.awareness, gone, socket.id);
        this.namespace.to(room.sessionId).emit('yjs', awarenessMessage(room.awareness, gone));
      }
    } catch (error) {
      this.logger.error(`Clearing the presence of ${socket.id} failed: ${String(error)}`);
    } finally {
      this.rooms.release(room);
    }
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
    if (!(error instanceof RoomMessageError)) this.logger.error(`Unexpected error handling a yjs message: ${String(error)}`);
    socket.emit('room:error', roomError);
    reply?.({ ok: false, error: roomError.code });
    if (connection.strike()) socket.disconnect(true);
  }
}
