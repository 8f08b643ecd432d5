import { Inject, Injectable } from '@nestjs/common';
import { isValidStateVector } from '@mockboard/collab';
import type { AppConfig } from '@mockboard/config';
import {
  ACK_OK,
  awarenessUpdateMessage,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  syncStep2Message,
  toBytes,
  updateMessage,
  type YjsAck,
} from '@mockboard/protocol';
import * as decoding from 'lib0/decoding';
import type { Socket } from 'socket.io';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { APP_CONFIG } from '../../core/config/config.module';
import { rewritePresence } from './presence-guard';
import type { RoomConnection } from './room-connection';
import { RoomMessageError } from './room-errors';

/**
 * Handles one `yjs` message: charges it to its sender's budgets (rule P6), validates it completely before
 * anything is applied (rules P7, P9), answers sync step 1, applies and fans out updates, relays presence as
 * the server vouches for it (rule D4). Returns the acknowledgement, or `undefined` for an applied update,
 * whose acknowledgement is `onCommitted`, called once it is committed (rule P5).
 */
@Injectable()
export class RoomMessagesService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  handle(socket: Socket, connection: RoomConnection, payload: unknown, onCommitted?: () => void): YjsAck | undefined {
    const { budget, session } = connection;
    if (!budget.messages.take() || !session.messages.take()) throw new RoomMessageError('rate_limited', 'Too many messages: slow down');
    const message = toBytes(payload);
    if (!message) throw new RoomMessageError('invalid_message', 'A yjs message must be binary');
    if (message.byteLength > this.config.room.maxMessageBytes) {
      throw new RoomMessageError('too_large', `Messages are limited to ${this.config.room.maxMessageBytes} bytes`);
    }
    if (!budget.bytes.hasCredit()) throw new RoomMessageError('rate_limited', 'Too much data: slow down');
    budget.bytes.charge(message.byteLength);
    const decoder = decoding.createDecoder(message);
    const type = readOr(() => decoding.readVarUint(decoder));
    switch (type) {
      case MESSAGE_SYNC:
        return this.handleSync(socket, connection, decoder, message, onCommitted);
      case MESSAGE_AWARENESS:
        return this.handleAwareness(socket, connection, readOr(() => decoding.readVarUint8Array(decoder)));
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
    const { room, participant } = connection;
    if (syncType === messageYjsSyncStep1) {
      if (!isValidStateVector(payload)) throw new RoomMessageError('invalid_message', 'Malformed state vector');
      // The answer can be the whole board: its size is charged to whoever asked (rule P6).
      if (!connection.budget.syncBytes.hasCredit()) throw new RoomMessageError('rate_limited', 'Too many sync requests: slow down');
      const [answer, ...following] = room.missingFor(payload);
      socket.emit('yjs', syncStep2Message(answer));
      for (const update of following) socket.emit('yjs', updateMessage(update));
      connection.budget.syncBytes.charge(following.reduce((bytes, update) => bytes + update.byteLength, answer.byteLength));
      return ACK_OK;
    }
    if (syncType !== messageYjsSyncStep2 && syncType !== messageYjsUpdate) {
      throw new RoomMessageError('invalid_message', `Unknown sync message type ${syncType}`);
    }
    const result = room.apply(payload, { socketId: socket.id, userId: participant.userId }, connection.canWrite, onCommitted);
    switch (result.status) {
      case 'unchanged':
        return ACK_OK;
      case 'refused':
        throw new RoomMessageError(result.code, result.reason);
      case 'applied':
        // An update message is forwarded as received; a step 2 answered our step 1, so it is re-framed as an update.
        socket.to(room.sessionId).emit('yjs', syncType === messageYjsUpdate ? message : updateMessage(payload));
        return undefined;
    }
  }

  private handleAwareness(socket: Socket, connection: RoomConnection, update: Uint8Array): YjsAck {
    const { room, session, participant } = connection;
    const { maxPresenceBytes, presenceIdsPerSocket } = this.config.room;
    const vouched = rewritePresence(
      update,
      { user: { id: participant.userId, name: participant.displayName, role: participant.role }, mine: connection.awarenessClients },
      { owners: session.presenceOwners, maxStateBytes: maxPresenceBytes, maxIdsPerSocket: presenceIdsPerSocket },
    );
    applyAwarenessUpdate(room.awareness, vouched.update, socket.id);
    for (const { clientId, removed } of vouched.entries) {
      if (removed) {
        // Removed by its own client (its document is gone): the id is free again.
        connection.awarenessClients.delete(clientId);
        session.presenceOwners.release(clientId);
      } else if (room.awareness.meta.has(clientId)) {
        // Awareness ignores an outdated state for a client it never knew: such an id is not claimed.
        connection.awarenessClients.add(clientId);
        session.presenceOwners.claim(clientId, participant.userId, (id) => room.awareness.getStates().has(id));
      }
    }
    socket.to(room.sessionId).emit('yjs', awarenessUpdateMessage(vouched.update));
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
