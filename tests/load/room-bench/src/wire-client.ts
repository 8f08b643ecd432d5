import type { Socket as TcpSocket } from 'node:net';
import {
  MESSAGE_SYNC,
  PROTOCOL_VERSION,
  readMessageType,
  ROOM_NAMESPACE,
  syncStep1Message,
  syncStep2Message,
  type RoomError,
  type RoomHandshake,
  type YjsAck,
} from '@mockboard/protocol';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { binaryEventFrame, connectFrame, ENGINE_PATH, PONG, readFrame } from './socketio-frames';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 2_000;

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
 * The load generator's client. It joins a room the way any client does (the Socket.IO handshake with a
 * token, the y-protocols sync exchange, acknowledged updates, reconnection with backoff) but speaks the
 * Socket.IO frames itself over a bare WebSocket, and keeps no live Y.Doc: it sends prepared updates and
 * hands received ones to the generator unapplied. A generator process runs 500 of these; socket.io-client's
 * layers (emitter, parser, engine, debug) took 40 % of its CPU, which on a two-core machine is CPU the
 * server under test lacks. The bytes on the wire are what socket.io-client sends. The documents are
 * assembled from what was sent and received after the run and checked there.
 */
export class WireClient {
  /** Updates this client has sent, so a reconnect's sync step 2 can resend what the server lacks. */
  readonly sent: Uint8Array[] = [];
  pendingAcks = 0;
  connected = false;
  private ws: WebSocket | undefined;
  private readonly acks = new Map<number, (ack: YjsAck) => void>();
  private nextAckId = 0;
  /** The name of the binary event whose attachment is the next binary frame. */
  private awaitingAttachment: string | undefined;
  private synced = false;
  private attempts = 0;
  private destroyed = false;
  private refusal: string | undefined;
  private readyWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];

  constructor(private readonly options: WireClientOptions) {
    this.open();
  }

  /** Resolves once synced with the room and the server has acknowledged our own sync step 2; rejects if refused. */
  whenReady(): Promise<void> {
    if (this.refusal) return Promise.reject(new Error(`refused: ${this.refusal}`));
    if (this.synced && this.pendingAcks === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** Sends a prepared update message; `update` is its payload, kept for the state-vector exchange. */
  send(message: Uint8Array, update: Uint8Array): void {
    this.sent.push(update);
    if (this.connected) this.emitWithAck(message);
  }

  destroy(): void {
    this.destroyed = true;
    this.ws?.close();
  }

  private open(): void {
    const ws = new WebSocket(`${this.options.url.replace(/^http/, 'ws')}${ENGINE_PATH}`, {
      perMessageDeflate: false,
      // An all-zero mask, which ws then skips applying: RFC 6455 asks browsers for random masks so that
      // scripts cannot poison proxy caches, which does not apply to a load generator on loopback.
      generateMask: () => undefined,
    });
    this.ws = ws;
    ws.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? this.onAttachment(data) : this.onText(data.toString())));
    ws.on('close', () => this.onClose());
    ws.on('error', () => undefined); // a close follows, and reconnects
  }

  private onText(text: string): void {
    const frame = readFrame(text, ROOM_NAMESPACE);
    switch (frame.kind) {
      case 'open':
        this.write(connectFrame(ROOM_NAMESPACE, {
          token: this.options.token,
          sessionId: this.options.sessionId,
          protocolVersion: PROTOCOL_VERSION,
        } satisfies RoomHandshake));
        return;
      case 'ping':
        this.write(PONG);
        return;
      case 'connect':
        this.connected = true;
        this.attempts = 0;
        // An empty state vector: the server answers with the whole room.
        this.emit(syncStep1Message(Y.encodeStateVector(new Y.Doc())));
        return;
      case 'connect_error':
        // A refusal is final, as with socket.io-client: nothing to retry.
        this.refusal = frame.message;
        this.destroyed = true;
        this.readyWaiters.splice(0).forEach((w) => w.reject(new Error(`refused: ${frame.message}`)));
        this.ws?.close();
        return;
      case 'close':
      case 'disconnect':
        this.ws?.close();
        return;
      case 'event':
        if (frame.name === 'room:error') this.options.onRoomError(frame.args[0] as RoomError);
        return;
      case 'binary_event':
        this.awaitingAttachment = frame.name;
        return;
      case 'ack': {
        const reply = this.acks.get(frame.id);
        this.acks.delete(frame.id);
        reply?.(frame.args[0] as YjsAck);
        return;
      }
      case 'ignored':
        return;
    }
  }

  private onAttachment(data: Buffer): void {
    const event = this.awaitingAttachment;
    this.awaitingAttachment = undefined;
    if (event === 'yjs') this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }

  private onClose(): void {
    const wasConnected = this.connected;
    this.connected = false;
    this.synced = false;
    this.awaitingAttachment = undefined;
    // Acknowledgements of the lost connection never come; the next sync exchange covers their content.
    this.acks.clear();
    this.pendingAcks = 0;
    if (wasConnected) this.options.onDisconnect();
    if (this.destroyed) return;
    const backoff = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** this.attempts++);
    setTimeout(() => this.open(), backoff * (0.5 + Math.random() / 2));
  }

  private emitWithAck(message: Uint8Array): void {
    const id = this.nextAckId++;
    this.pendingAcks++;
    this.acks.set(id, (ack) => {
      this.pendingAcks--;
      this.options.onAck(ack);
      this.settle();
    });
    this.emit(message, id);
  }

  private emit(message: Uint8Array, ackId?: number): void {
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    // Both frames in one write, as the server writes its own.
    const tcp = (this.ws as unknown as { _socket?: TcpSocket })._socket;
    tcp?.cork();
    this.ws.send(binaryEventFrame(ROOM_NAMESPACE, 'yjs', ackId));
    this.ws.send(message);
    tcp?.uncork();
  }

  private write(text: string): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  private onMessage(message: Uint8Array): void {
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
    if (this.synced && this.pendingAcks === 0) this.readyWaiters.splice(0).forEach((w) => w.resolve());
  }
}
