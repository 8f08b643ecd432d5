import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import { ACK_OK, MESSAGE_AWARENESS, MESSAGE_SYNC, syncStep2Message, toBytes, updateMessage, type YjsAck } from '@mockboard/protocol';
import * as decoding from 'lib0/decoding';
import type { Socket } from 'socket.io';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { APP_CONFIG } from '../../core/config/config.module';
import { inspectUpdate, isValidStateVector } from '../../collab/yjs-update';
import { awarenessClientIds } from './awareness-update';
import type { RoomConnection } from './room-connection';
import { RoomMessageError } from './room-errors';

/**
 * Handles one `yjs` message: validates it completely before anything is applied (rule P7), answers sync
 * step 1, applies and fans out updates, relays awareness. Returns the acknowledgement, or `undefined` for
 * an applied update, whose acknowledgement is `onCommitted`, called once it is committed (rule P5).
 */
@Injectable()
export class RoomMessagesService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  handle(socket: Socket, connection: RoomConnection, payload: unknown, onCommitted?: () => void): YjsAck | undefined {
    if (!connection.limiter.take()) throw new RoomMessageError('rate_limited', 'Too many messages: slow down');
    const message = toBytes(payload);
    if (!message) throw new RoomMessageError('invalid_message', 'A yjs message must be binary');
    if (message.byteLength > this.config.room.maxMessageBytes) {
      throw new RoomMessageError('too_large', `Messages are limited to ${this.config.room.maxMessageBytes} bytes`);
    }
    const decoder = decoding.createDecoder(message);
    const type = readOr(() => decoding.readVarUint(decoder));
    switch (type) {
      case MESSAGE_SYNC:
        return this.handleSync(socket, connection, decoder, message, onCommitted);
      case MESSAGE_AWARENESS:
        return this.handleAwareness(socket, connection, readOr(() => decoding.readVarUint8Array(decoder)), message);
      default:
        throw new RoomMessageError('invalid_message', `Unknown message type ${type}`);
    }
  }

  private handleSync(
    socket: Socket,
    connection: RoomConnection,
    decoder: decoding.Decoder,
    message: Uint8Array,
    onCommitted: (() => void) | undefined,
  ): YjsAck | undefined {
    const syncType = readOr(() => decoding.readVarUint(decoder));
    const payload = readOr(() => decoding.readVarUint8Array(decoder));
    const { room } = connection;
    if (syncType === messageYjsSyncStep1) {
      if (!isValidStateVector(payload)) throw new RoomMessageError('invalid_message', 'Malformed state vector');
      const [answer, ...following] = room.missingFor(payload);
      socket.emit('yjs', syncStep2Message(answer));
      for (const update of following) socket.emit('yjs', updateMessage(update));
      return ACK_OK;
    }
    if (syncType !== messageYjsSyncStep2 && syncType !== messageYjsUpdate) {
      throw new RoomMessageError('invalid_message', `Unknown sync message type ${syncType}`);
    }
    const inspected = inspectUpdate(payload);
    if (!inspected.ok) throw new RoomMessageError('invalid_message', `Not a valid Yjs update: ${inspected.reason}`);
    // An observer's step 2 answers our step 1 and normally carries nothing: that is not a write.
    if (inspected.empty) return ACK_OK;
    if (!connection.canWrite) throw new RoomMessageError('read_only', 'Observers cannot edit the board');
    room.apply(payload, { socketId: socket.id, userId: connection.userId }, onCommitted);
    // An update message is forwarded as received; a step 2 answered our step 1, so it is re-framed as an update.
    socket.to(room.sessionId).emit('yjs', syncType === messageYjsUpdate ? message : updateMessage(payload));
    return undefined;
  }

  private handleAwareness(socket: Socket, connection: RoomConnection, update: Uint8Array, message: Uint8Array): YjsAck {
    let clients: ReturnType<typeof awarenessClientIds>;
    try {
      clients = awarenessClientIds(update);
    } catch {
      throw new RoomMessageError('invalid_message', 'Malformed awareness update');
    }
    applyAwarenessUpdate(connection.room.awareness, update, socket.id);
    for (const { clientId, removed } of clients) {
      // Awareness ignores a removal for a client it never knew; such an id has nothing to clear on disconnect.
      if (removed || !connection.room.awareness.meta.has(clientId)) connection.awarenessClients.delete(clientId);
      else connection.awarenessClients.add(clientId);
    }
    socket.to(connection.room.sessionId).emit('yjs', message);
    return ACK_OK;
  }
}

function readOr<T>(read: () => T): T {
  try {
    return read();
  } catch {
    throw new RoomMessageError('invalid_message', 'Truncated or malformed message');
  }
}
