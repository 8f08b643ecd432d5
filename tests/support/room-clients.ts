import { PROTOCOL_VERSION, ROOM_NAMESPACE, type RoomError, type YjsAck } from '@mockboard/protocol';
import { RoomProvider } from '@mockboard/room-client';
import { io, type Socket } from 'socket.io-client';

/**
 * A quick-reconnecting provider, synced; the caller destroys it. With `track`, it is pushed there before it
 * syncs, so that one that never syncs is still destroyed (in the caller's afterEach) rather than left
 * reconnecting after the test.
 */
export async function connectedProvider(
  baseUrl: string,
  sessionId: string,
  token: string,
  { track, timeoutMs = 10_000 }: { track?: RoomProvider[]; timeoutMs?: number } = {},
): Promise<RoomProvider> {
  const provider = new RoomProvider({ url: baseUrl, sessionId, token, socketOptions: { reconnectionDelay: 50, reconnectionDelayMax: 500 } });
  track?.push(provider);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the provider did not sync within ${timeoutMs} ms (status ${provider.status}, refusal ${provider.refusal})`)), timeoutMs);
  });
  try {
    await Promise.race([provider.whenSynced(), late]);
  } finally {
    clearTimeout(timer);
  }
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
