import type { Socket as TcpSocket } from 'node:net';
import { PROTOCOL_VERSION, ROOM_NAMESPACE } from '@mockboard/protocol';
import WebSocket from 'ws';
import { binaryEventFrame, connectFrame, ENGINE_PATH, PONG, readFrame } from '../load/room-bench/src/socketio-frames';

/**
 * A room client that speaks Socket.IO's frames itself over a bare WebSocket (as the load generator does),
 * so that a test can do what socket.io-client never would: stop reading its TCP socket, or vanish in the
 * middle of the handshake.
 */
export class BareRoomSocket {
  readonly ws: WebSocket;
  /** Set once the namespace CONNECT is answered. */
  connected = false;
  refusal: string | undefined;
  closed = false;
  private readonly events: Array<{ name: string; args: unknown[] }> = [];

  constructor(baseUrl: string, private readonly auth: { token: string; sessionId: string }, options: { connect?: boolean } = {}) {
    this.ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${ENGINE_PATH}`, { perMessageDeflate: false });
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) this.onText(data.toString(), options.connect ?? true);
    });
    this.ws.on('close', () => (this.closed = true));
    this.ws.on('error', () => undefined);
  }

  /** The underlying TCP socket (ws keeps it private). */
  get tcp(): TcpSocket {
    return (this.ws as unknown as { _socket: TcpSocket })._socket;
  }

  /** Resolves once the engine.io transport is open (before any namespace CONNECT). */
  opened(): Promise<void> {
    if (this.ws.readyState === WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }

  /** Sends the namespace CONNECT with the handshake's auth. */
  sendConnect(): void {
    this.ws.send(connectFrame(ROOM_NAMESPACE, { ...this.auth, protocolVersion: PROTOCOL_VERSION }));
  }

  /** Emits `yjs` with one binary argument, as socket.io-client frames it. */
  emitYjs(message: Uint8Array, ackId?: number): void {
    this.ws.send(binaryEventFrame(ROOM_NAMESPACE, 'yjs', ackId));
    this.ws.send(message);
  }

  /** Text events received so far (`room:error`, `room:closed`). */
  eventsNamed(name: string): unknown[][] {
    return this.events.filter((e) => e.name === name).map((e) => e.args);
  }

  terminate(): void {
    this.ws.terminate();
  }

  private onText(text: string, connect: boolean): void {
    const frame = readFrame(text, ROOM_NAMESPACE);
    switch (frame.kind) {
      case 'open':
        if (connect) this.sendConnect();
        return;
      case 'ping':
        if (this.ws.readyState === WebSocket.OPEN) this.ws.send(PONG);
        return;
      case 'connect':
        this.connected = true;
        return;
      case 'connect_error':
        this.refusal = frame.message;
        return;
      case 'event':
        this.events.push({ name: frame.name, args: frame.args });
        return;
      default:
        return;
    }
  }
}

/** A bare socket that has joined the room. */
export async function connectedBareSocket(baseUrl: string, auth: { token: string; sessionId: string }): Promise<BareRoomSocket> {
  const socket = new BareRoomSocket(baseUrl, auth);
  const deadline = Date.now() + 5_000;
  while (!socket.connected) {
    if (socket.refusal) throw new Error(`refused: ${socket.refusal}`);
    if (socket.closed || Date.now() > deadline) throw new Error('the bare socket did not connect');
    await new Promise((r) => setTimeout(r, 10));
  }
  return socket;
}
