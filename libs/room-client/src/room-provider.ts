import {
  awarenessMessage,
  CONNECT_REFUSALS,
  RESYNC_ERROR_CODES,
  roomClosedSchema,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  PROTOCOL_VERSION,
  readMessageType,
  ROOM_NAMESPACE,
  syncStep1Message,
  toBytes,
  updateMessage,
  type ConnectRefusal,
  type RoomClientToServerEvents,
  type RoomError,
  type RoomServerToClientEvents,
  type YjsAck,
} from '@mockboard/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { applyAwarenessUpdate, Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import { messageYjsSyncStep2, readSyncMessage } from 'y-protocols/sync';
import * as Y from 'yjs';

export type RoomStatus = 'connecting' | 'connected' | 'disconnected';

export interface RoomProviderOptions {
  /** Server origin, e.g. `http://127.0.0.1:3000`; empty for the page's own origin. */
  url: string;
  sessionId: string;
  /** Bearer token; browsers may omit it and rely on the session cookie. */
  token?: string;
  doc?: Y.Doc;
  protocolVersion?: number;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

interface ProviderEvents {
  status: (status: RoomStatus) => void;
  synced: (synced: boolean) => void;
  refused: (reason: ConnectRefusal | string) => void;
  'room-error': (error: RoomError) => void;
  /** A sent update was committed by the server (`ok`) or refused. */
  ack: (ack: YjsAck) => void;
}

type Listeners = { [E in keyof ProviderEvents]: Set<ProviderEvents[E]> };

/** Refusals that reconnecting cannot fix. */
const FINAL_REFUSALS = new Set<string>(CONNECT_REFUSALS);
const RESYNC_ERRORS = new Set<string>(RESYNC_ERROR_CODES);
/** One backoff for Socket.IO's own reconnection attempts and for the reconnections we start ourselves. */
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 5_000;
const BACKOFF_JITTER = 0.5;

/**
 * Connects a Y.Doc and its awareness to a Mockboard room over Socket.IO, speaking the y-websocket message
 * framing. Local updates are sent with an acknowledgement and counted until the server has committed them;
 * after a disconnect, the sync step 1/step 2 exchange resends whatever the server does not have.
 */
export class RoomProvider {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly socket: Socket<RoomServerToClientEvents, RoomClientToServerEvents>;
  status: RoomStatus = 'connecting';
  synced = false;
  /** Why the server refused the connection; set once, since reconnecting cannot change the answer. */
  refusal: string | undefined;
  private unacked = 0;
  private readonly ackWaiters: Array<() => void> = [];
  /**
   * Whether our step 2 has answered the server's step 1 on this connection. Until then a local edit is
   * not sent on its own: it may refer to content the server lost in a crash and has not had back yet,
   * and the step 2 carries it anyway (docs/protocol.md, rule P8).
   */
  private answeredServer = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private readonly listeners: Listeners = {
    status: new Set(),
    synced: new Set(),
    refused: new Set(),
    'room-error': new Set(),
    ack: new Set(),
  };

  constructor(options: RoomProviderOptions) {
    this.doc = options.doc ?? new Y.Doc();
    this.awareness = new Awareness(this.doc);
    this.socket = io(`${options.url}${ROOM_NAMESPACE}`, {
      auth: {
        ...(options.token ? { token: options.token } : {}),
        sessionId: options.sessionId,
        protocolVersion: options.protocolVersion ?? PROTOCOL_VERSION,
      },
      transports: ['websocket'],
      withCredentials: true,
      // Jittered exponential backoff, so a restarted server is not hit by every client at once.
      reconnectionDelay: BACKOFF_MIN_MS,
      reconnectionDelayMax: BACKOFF_MAX_MS,
      randomizationFactor: BACKOFF_JITTER,
      ...options.socketOptions,
    });
    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
    this.socket.on('yjs', this.onMessage);
    this.socket.on('room:error', (error) => this.emit('room-error', error));
    this.socket.on('room:closed', this.onClosed);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Number of sent messages the server has not yet acknowledged as committed. */
  get pendingAcks(): number {
    return this.unacked;
  }

  /** Resolves once every message sent so far is committed (or refused). */
  whenAcked(): Promise<void> {
    if (this.unacked === 0) return Promise.resolve();
    return new Promise((resolve) => this.ackWaiters.push(resolve));
  }

  whenSynced(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const listener = (synced: boolean): void => {
        if (!synced) return;
        this.off('synced', listener);
        resolve();
      };
      this.on('synced', listener);
    });
  }

  on<E extends keyof ProviderEvents>(event: E, listener: ProviderEvents[E]): void {
    this.listeners[event].add(listener);
  }

  off<E extends keyof ProviderEvents>(event: E, listener: ProviderEvents[E]): void {
    this.listeners[event].delete(listener);
  }

  destroy(): void {
    clearTimeout(this.retryTimer);
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private emit<E extends keyof ProviderEvents>(event: E, ...args: Parameters<ProviderEvents[E]>): void {
    for (const listener of this.listeners[event]) (listener as (...a: Parameters<ProviderEvents[E]>) => void)(...args);
  }

  private setStatus(status: RoomStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', status);
  }

  private setSynced(synced: boolean): void {
    if (this.synced === synced) return;
    this.synced = synced;
    this.emit('synced', synced);
  }

  private send(message: Uint8Array, withAck: boolean): void {
    if (!this.socket.connected) return;
    if (!withAck) {
      this.socket.emit('yjs', message);
      return;
    }
    this.unacked++;
    this.socket.emit('yjs', message, (ack: YjsAck) => {
      this.unacked--;
      this.emit('ack', ack);
      if (this.unacked === 0) this.ackWaiters.splice(0).forEach((resolve) => resolve());
      // The edit stays in our document; a fresh connection's exchange hands it over (rule P8).
      if (!ack.ok && RESYNC_ERRORS.has(ack.error)) this.reconnectLater(true);
    });
  }

  /** Connects again after a jittered, growing delay; `fresh` first drops the current connection. */
  private reconnectLater(fresh: boolean): void {
    if (this.retryTimer || this.refusal) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.retries++) * (1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * Math.random());
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.refusal) return;
      if (fresh) this.socket.disconnect();
      this.socket.connect();
    }, delay);
  }

  private readonly onConnect = (): void => {
    this.answeredServer = false;
    this.setStatus('connected');
    this.send(syncStep1Message(Y.encodeStateVector(this.doc)), false);
    if (this.awareness.getLocalState() !== null) {
      this.send(awarenessMessage(this.awareness, [this.doc.clientID]), false);
    }
  };

  private readonly onDisconnect = (reason: string): void => {
    // Socket.IO reconnects by itself after a lost transport, not after the server ends the connection.
    if (reason === 'io server disconnect') this.reconnectLater(false);
    this.setStatus(this.refusal ? 'disconnected' : 'connecting');
    this.setSynced(false);
    // Acknowledgements of this connection will never come; the next sync exchange covers their content.
    this.unacked = 0;
    this.ackWaiters.splice(0).forEach((resolve) => resolve());
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, this);
  };

  private readonly onConnectError = (error: Error): void => {
    if (FINAL_REFUSALS.has(error.message)) return this.refuse(error.message);
    // A refusal by the server's handshake (`unavailable`: the room could not be loaded) ends Socket.IO's own
    // reconnection; a lost transport does not.
    if (!this.socket.active) this.reconnectLater(false);
  };

  /** The server closed the connection and said why (rule P10). */
  private readonly onClosed = (payload: unknown): void => {
    const closed = roomClosedSchema.safeParse(payload);
    if (closed.success && (closed.data.reason === 'unauthorized' || closed.data.reason === 'forbidden')) {
      this.socket.disconnect();
      this.refuse(closed.data.reason);
    }
  };

  private refuse(reason: string): void {
    this.refusal = reason;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.setStatus('disconnected');
    this.emit('refused', reason);
  }

  private readonly onMessage = (payload: Uint8Array): void => {
    const message = toBytes(payload);
    if (!message) return;
    const { type, decoder } = readMessageType(message);
    if (type === MESSAGE_SYNC) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      const syncType = readSyncMessage(decoder, reply, this.doc, this);
      // Our step 2 carries whatever the server lacks (edits made offline): it must be acknowledged.
      if (encoding.length(reply) > 1) {
        this.send(encoding.toUint8Array(reply), true);
        this.answeredServer = true;
      }
      if (syncType === messageYjsSyncStep2) {
        this.retries = 0;
        this.setSynced(true);
      }
    } else if (type === MESSAGE_AWARENESS) {
      applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this && this.answeredServer) this.send(updateMessage(update), true);
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this) return;
    const changed = [...added, ...updated, ...removed];
    this.send(awarenessMessage(this.awareness, changed), false);
  };
}
