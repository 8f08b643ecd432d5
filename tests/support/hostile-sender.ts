import type { RoomError, YjsAck } from '@mockboard/protocol';
import type { Socket } from 'socket.io-client';
import { rawSocket } from './room-clients';

/** More refusals than this within ten seconds disconnect a socket (docs/protocol.md P6). */
const REFUSALS_PER_SOCKET = 20;

export interface SendOutcome {
  /** Undefined when the socket was disconnected before it answered (the room was evicted, say). */
  ack?: YjsAck;
  error?: RoomError;
}

/**
 * A raw socket that sends one acknowledged message at a time and opens a fresh connection whenever the
 * server closed the last one, or before the refusals it collected would get it disconnected: a fuzz sends
 * far more bad messages than one socket may, and each must still get its own answer.
 */
export class HostileSender {
  /** `room:closed` reasons received, by every connection so far. */
  readonly closed: string[] = [];
  connections = 0;
  private socket: Socket | undefined;
  private refusals = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly auth: { token: string; sessionId: string },
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: Uint8Array): Promise<SendOutcome> {
    const socket = await this.ready();
    let error: RoomError | undefined;
    const onError = (e: RoomError): void => {
      error = e;
    };
    socket.on('room:error', onError);
    try {
      const ack = (await socket.timeout(this.timeoutMs).emitWithAck('yjs', message)) as YjsAck;
      if (!ack.ok) this.refusals++;
      return { ack, error };
    } catch {
      if (socket.connected) throw new Error(`no acknowledgement within ${this.timeoutMs} ms on a connected socket`);
      return { error };
    } finally {
      socket.off('room:error', onError);
    }
  }

  /** The connected socket, opening one if needed. */
  async ready(): Promise<Socket> {
    if (this.socket?.connected && this.refusals < REFUSALS_PER_SOCKET) return this.socket;
    this.socket?.close();
    this.socket = undefined;
    const socket = await rawSocket(this.baseUrl, this.auth);
    socket.on('room:closed', (closed: { reason: string }) => this.closed.push(closed.reason));
    this.socket = socket;
    this.refusals = 0;
    this.connections++;
    return socket;
  }

  close(): void {
    this.socket?.close();
    this.socket = undefined;
  }
}
