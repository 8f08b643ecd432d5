import { PROTOCOL_VERSION, ROOM_NAMESPACE, type RoomError, type YjsAck } from '@mockboard/protocol';
import { RoomProvider } from '@mockboard/room-client';
import { io, type Socket } from 'socket.io-client';

/** A provider connected to a room; the caller destroys it. */
export async function connectedProvider(baseUrl: string, sessionId: string, token: string): Promise<RoomProvider> {
  const provider = new RoomProvider({ url: baseUrl, sessionId, token, socketOptions: { reconnectionDelay: 50, reconnectionDelayMax: 500 } });
  await provider.whenSynced();
  return provider;
}

/** A bare socket for sending hand-made (and malformed) messages. */
export async function rawSocket(baseUrl: string, auth: Record<string, unknown>, headers?: Record<string, string>): Promise<Socket> {
  const socket = io(`${baseUrl}${ROOM_NAMESPACE}`, {
    auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: headers,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The `connect_error` message a handshake is refused with. */
export async function refusalOf(baseUrl: string, auth: Record<string, unknown>, headers?: Record<string, string>): Promise<string> {
  const socket = io(`${baseUrl}${ROOM_NAMESPACE}`, { auth, transports: ['websocket'], reconnection: false, extraHeaders: headers });
  try {
    return await new Promise<string>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connection was accepted')));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  } finally {
    socket.close();
  }
}

/** Emits a `yjs` message and collects both the acknowledgement and any `room:error` it causes. */
export async function sendYjs(socket: Socket, message: Uint8Array): Promise<{ ack: YjsAck; error?: RoomError }> {
  let error: RoomError | undefined;
  const onError = (e: RoomError): void => {
    error = e;
  };
  socket.on('room:error', onError);
  try {
    const ack = (await socket.timeout(5_000).emitWithAck('yjs', message)) as YjsAck;
    return { ack, error };
  } finally {
    socket.off('room:error', onError);
  }
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}
