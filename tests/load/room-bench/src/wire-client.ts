import {
  MESSAGE_SYNC,
  PROTOCOL_VERSION,
  readMessageType,
  ROOM_NAMESPACE,
  syncStep1Message,
  syncStep2Message,
  toBytes,
  type RoomClientToServerEvents,
  type RoomError,
  type RoomHandshake,
  type RoomServerToClientEvents,
  type YjsAck,
} from '@mockboard/protocol';
import * as decoding from 'lib0/decoding';
import { io, type Socket } from 'socket.io-client';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { corkClientWrites } from './cork-client';

export interface WireClientOptions {
  url: string;
  sessionId: string;
  token: string;
  /** An update from the server (fan-out, or the room's state in sync step 2), as received. */
  onUpdate(update: Uint8Array): void;
  onAck(ack: YjsAck): void;
  onRoomError(error: RoomError): void;
  onDisconnect(): void;
}

/**
 * The load generator's client. It joins a room the way any client does (Socket.IO handshake with a token,
 * the y-protocols sync exchange, acknowledged updates) but keeps no live Y.Doc: it sends prepared updates
 * and hands received ones to the generator unapplied. A generator process runs 500 of these, and applying
 * every update to 500 documents on the load machine would take CPU from the server under test. The
 * documents are assembled from what was sent and received after the run and checked there.
 */
export class WireClient {
  readonly socket: Socket<RoomServerToClientEvents, RoomClientToServerEvents>;
  /** Updates this client has sent, so a reconnect's sync step 2 can resend what the server lacks. */
  readonly sent: Uint8Array[] = [];
  pendingAcks = 0;
  private synced = false;
  private readyWaiters: Array<() => void> = [];

  constructor(private readonly options: WireClientOptions) {
    this.socket = io(`${options.url}${ROOM_NAMESPACE}`, {
      auth: { token: options.token, sessionId: options.sessionId, protocolVersion: PROTOCOL_VERSION } satisfies RoomHandshake,
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 250,
      reconnectionDelayMax: 2_000,
    });
    corkClientWrites(this.socket);
    // An empty state vector: the server answers with the whole room.
    this.socket.on('connect', () => this.socket.emit('yjs', syncStep1Message(Y.encodeStateVector(new Y.Doc()))));
    this.socket.on('disconnect', () => {
      this.synced = false;
      // Acknowledgements of the lost connection never come; the next sync exchange covers their content.
      this.pendingAcks = 0;
      options.onDisconnect();
    });
    this.socket.on('yjs', (payload) => this.onMessage(payload));
    this.socket.on('room:error', (error) => options.onRoomError(error));
  }

  /** Resolves once synced with the room and the server has acknowledged our own sync step 2. */
  whenReady(): Promise<void> {
    if (this.synced && this.pendingAcks === 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sends a prepared update message; `update` is its payload, kept for the state-vector exchange. */
  send(message: Uint8Array, update: Uint8Array): void {
    this.sent.push(update);
    if (!this.socket.connected) return;
    this.emitWithAck(message);
  }

  destroy(): void {
    this.socket.disconnect();
  }

  private emitWithAck(message: Uint8Array): void {
    this.pendingAcks++;
    this.socket.emit('yjs', message, (ack: YjsAck) => {
      this.pendingAcks--;
      this.options.onAck(ack);
      this.settle();
    });
  }

  private onMessage(payload: unknown): void {
    const message = toBytes(payload);
    if (!message) return;
    const { type, decoder } = readMessageType(message);
    if (type !== MESSAGE_SYNC) return; // awareness: the generator has no presence to track
    const syncType = decoding.readVarUint(decoder);
    const body = decoding.readVarUint8Array(decoder);
    if (syncType === messageYjsSyncStep1) {
      // The server's state vector: answer with whatever we sent that it lacks (nothing, on first connect).
      this.emitWithAck(syncStep2Message(Y.diffUpdate(Y.mergeUpdates(this.sent), body)));
      return;
    }
    if (syncType === messageYjsSyncStep2) this.synced = true;
    if (syncType === messageYjsSyncStep2 || syncType === messageYjsUpdate) this.options.onUpdate(body);
    this.settle();
  }

  private settle(): void {
    if (this.synced && this.pendingAcks === 0) this.readyWaiters.splice(0).forEach((resolve) => resolve());
  }
}
