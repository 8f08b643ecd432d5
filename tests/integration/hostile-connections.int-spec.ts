import { PROTOCOL_VERSION, ROOM_NAMESPACE, updateMessage, type AuthResponse, type RoomClosed } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { RoomRegistry } from '../../apps/api/src/collab/room-registry';
import { BareRoomSocket } from '../support/bare-room-socket';
import { requestJson, uniqueEmail } from '../support/http';
import { connectedProvider, eventually, rawSocket, refusalOf, sendYjs } from '../support/room-clients';
import { independentSet } from '../support/room-wire';
import { joinSession, seatedSession } from '../support/session-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('handshakes that never finish', () => {
  const GRACE_MS = 300;
  let app: TestApp;
  let registry: RoomRegistry;
  beforeAll(async () => {
    app = await startTestApp({ ROOM_UNLOAD_GRACE_MS: String(GRACE_MS) });
    registry = app.app.get(RoomRegistry);
  });
  afterAll(() => app.close());

  /**
   * Before this work the handshake acquired the room, and Socket.IO drops a socket that closes during its
   * handshake without a `disconnect` event: each such socket pinned the room in memory for good.
   */
  it('S8/S12: ten sockets that close during the handshake leave the room unloaded after ROOM_UNLOAD_GRACE_MS', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    expect(registry.loadedCount).toBe(0);
    const dropped: BareRoomSocket[] = [];
    for (let i = 0; i < 10; i++) {
      const socket = new BareRoomSocket(app.baseUrl, { token: interviewer.token, sessionId: session.id }, { connect: false });
      await socket.opened();
      // The namespace CONNECT, written out, then gone before the server has answered it.
      socket.ws.send(`40${ROOM_NAMESPACE},${JSON.stringify({ token: interviewer.token, sessionId: session.id, protocolVersion: PROTOCOL_VERSION })}`, () => {
        if (i % 2 === 0) socket.ws.close();
        else setImmediate(() => socket.terminate());
      });
      dropped.push(socket);
    }
    await eventually(() => dropped.every((s) => s.closed), 5_000, 'the dropped sockets to close');
    expect(dropped.some((s) => s.connected)).toBe(false);
    // The handshakes did reach the room: it was loaded for them...
    await eventually(() => registry.loadedCount === 1, 5_000, 'the handshakes to load the room');
    // ...and nothing holds it.
    await eventually(() => registry.loadedCount === 0, GRACE_MS + 5_000, 'the room to unload');

    // The room still opens normally afterwards.
    const socket = await rawSocket(app.baseUrl, { token: interviewer.token, sessionId: session.id });
    expect(socket.connected).toBe(true);
    socket.close();
  });
});

describe('the Origin of a room handshake', () => {
  const PUBLIC = 'http://board.example:8080';
  const LISTED = 'http://lan.example:5173';
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PUBLIC_URL: PUBLIC, ALLOWED_ORIGINS: LISTED });
  });
  afterAll(() => app.close());

  /** Whether a Socket.IO handshake over `transport` with these headers is refused (a CSWSH attempt if so). */
  const refusedOver = async (transport: 'websocket' | 'polling', auth: object, headers: Record<string, string>): Promise<boolean> => {
    const socket: Socket = io(`${app.baseUrl}${ROOM_NAMESPACE}`, { auth, transports: [transport], reconnection: false, extraHeaders: headers });
    try {
      return await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(false));
        socket.once('connect_error', () => resolve(true));
      });
    } finally {
      socket.close();
    }
  };

  it("P2: a foreign Origin is refused (with a token or the visitor's cookie, over either transport); PUBLIC_URL's origin, a listed one and none are accepted", async () => {
    const { session, candidate } = await seatedSession(app.baseUrl);
    const auth = { token: candidate.token, sessionId: session.id, protocolVersion: PROTOCOL_VERSION };
    const cookieOnly = { sessionId: session.id, protocolVersion: PROTOCOL_VERSION };
    const cookie = `mb_session=${candidate.token}`;

    for (const origin of ['http://evil.example', `${PUBLIC}.evil.example`, 'http://board.example', 'https://board.example:8080', 'null']) {
      expect([origin, await refusedOver('websocket', auth, { origin })]).toEqual([origin, true]);
    }
    expect(await refusedOver('websocket', cookieOnly, { origin: 'http://evil.example', cookie })).toBe(true);
    expect(await refusedOver('polling', cookieOnly, { origin: 'http://evil.example', cookie })).toBe(true);

    const accepted: Array<Record<string, string>> = [{ origin: PUBLIC }, { origin: LISTED }, {}];
    for (const headers of accepted) {
      const socket = await rawSocket(app.baseUrl, { token: candidate.token, sessionId: session.id }, headers);
      expect(socket.connected).toBe(true);
      socket.close();
    }
    const withCookie = await rawSocket(app.baseUrl, { sessionId: session.id }, { origin: PUBLIC, cookie });
    expect(withCookie.connected).toBe(true);
    withCookie.close();
  });
});

describe('a room socket after its sign-in ends', () => {
  let app: TestApp;
  const providers: RoomProvider[] = [];
  const sockets: Socket[] = [];
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    providers.forEach((p) => p.destroy());
    sockets.forEach((s) => s.close());
    await app.close();
  });

  it("P10: logging out closes that sign-in's room sockets with room:closed unauthorized; a RoomProvider is refused for good and does not reconnect; the user's other sign-in stays", async () => {
    const { session } = await seatedSession(app.baseUrl);
    const email = uniqueEmail('leaver');
    const registered = await requestJson<AuthResponse>(app.baseUrl, '/api/auth/register', {
      body: { email, password: 'fixture-password', displayName: 'Leaver' },
    });
    const loggedIn = await requestJson<AuthResponse>(app.baseUrl, '/api/auth/login', { body: { email, password: 'fixture-password' } });
    expect([registered.status, loggedIn.status]).toEqual([201, 200]);
    const leaving = { token: registered.body.token, userId: registered.body.user.id };
    const staying = { token: loggedIn.body.token, userId: loggedIn.body.user.id };
    await joinSession(app.baseUrl, leaving, session.inviteCode ?? '');

    const raw = await rawSocket(app.baseUrl, { token: leaving.token, sessionId: session.id });
    const other = await rawSocket(app.baseUrl, { token: staying.token, sessionId: session.id });
    sockets.push(raw, other);
    const closed: RoomClosed[] = [];
    raw.on('room:closed', (event: RoomClosed) => closed.push(event));
    const provider = await connectedProvider(app.baseUrl, session.id, leaving.token, { track: providers });
    const refusals: string[] = [];
    provider.on('refused', (reason) => refusals.push(reason));
    let reconnects = 0;
    provider.socket.on('connect', () => reconnects++);

    const logout = await requestJson(app.baseUrl, '/api/auth/logout', { method: 'POST', token: leaving.token });
    expect(logout.status).toBe(204);
    await eventually(() => closed.length > 0 && !raw.connected, 5_000, 'room:closed and the disconnect');
    expect(closed).toEqual([{ reason: 'unauthorized' }]);
    await eventually(() => provider.refusal !== undefined, 5_000, 'the provider to be refused');
    expect(refusals).toEqual(['unauthorized']);
    expect(provider.status).toBe('disconnected');

    await sleep(1_500);
    expect(reconnects).toBe(0);
    expect(provider.socket.connected).toBe(false);
    expect(other.connected).toBe(true);
    expect(await refusalOf(app.baseUrl, { token: leaving.token, sessionId: session.id, protocolVersion: PROTOCOL_VERSION })).toBe('unauthorized');
  });

  it('P10: a participant taken out of the session is closed with room:closed forbidden and not reconnected; the remover stays; a candidate cannot remove the interviewer', async () => {
    const { session, interviewer, candidate } = await seatedSession(app.baseUrl);
    const kept = await connectedProvider(app.baseUrl, session.id, interviewer.token, { track: providers });
    const removed = await connectedProvider(app.baseUrl, session.id, candidate.token, { track: providers });
    const closed: RoomClosed[] = [];
    removed.socket.on('room:closed', (event) => closed.push(event));

    const mutiny = await requestJson(app.baseUrl, `/api/sessions/${session.id}/participants/${interviewer.userId}`, { method: 'DELETE', token: candidate.token });
    expect(mutiny.status).toBe(403);
    const removal = await requestJson(app.baseUrl, `/api/sessions/${session.id}/participants/${candidate.userId}`, { method: 'DELETE', token: interviewer.token });
    expect(removal.status).toBe(204);
    await eventually(() => removed.refusal !== undefined, 5_000, 'the removed participant to be refused');
    expect(closed).toEqual([{ reason: 'forbidden' }]);
    await sleep(1_000);
    expect(removed.socket.connected).toBe(false);
    expect(kept.socket.connected).toBe(true);
    expect(await refusalOf(app.baseUrl, { token: candidate.token, sessionId: session.id, protocolVersion: PROTOCOL_VERSION })).toBe('forbidden');
  });

  /**
   * The handshake checks access, then may wait on the room's load; an access event in that window reaches no
   * connected socket. The handshake asks at its end whether its access ended meanwhile, and is refused if so.
   * Holding the room's load (a lock on doc_snapshots) opens the window as a slow load would.
   */
  it.each([
    ['taken out of the session', 'forbidden'],
    ['logged out', 'unauthorized'],
  ])('P10: a socket whose access ends (%s) while its handshake is loading the room does not stay connected', async (how) => {
    const { session, interviewer, candidate } = await seatedSession(app.baseUrl);
    const databaseUrl = process.env.TEST_DATABASE_URL ?? '';
    const locker = new Client({ connectionString: databaseUrl });
    await locker.connect();
    let socket: Socket | undefined;
    try {
      await locker.query('begin');
      await locker.query('lock table doc_snapshots in access exclusive mode');
      socket = io(`${app.baseUrl}${ROOM_NAMESPACE}`, {
        auth: { token: candidate.token, sessionId: session.id, protocolVersion: PROTOCOL_VERSION },
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      const outcome = new Promise<string>((resolve) => {
        socket?.once('connect', () => resolve('connected'));
        socket?.once('connect_error', (error) => resolve(`refused ${error.message}`));
      });
      // Long enough for the handshake to pass its access check and wait on the room's load.
      await sleep(500);
      const ended =
        how === 'logged out'
          ? await requestJson(app.baseUrl, '/api/auth/logout', { method: 'POST', token: candidate.token })
          : await requestJson(app.baseUrl, `/api/sessions/${session.id}/participants/${candidate.userId}`, { method: 'DELETE', token: interviewer.token });
      expect(ended.status).toBe(204);
      await locker.query('commit');
      const connected = await outcome;
      await sleep(500);
      const write = socket.connected ? await sendYjs(socket, updateMessage(independentSet('after-access-ended', 1))) : undefined;
      expect({ connected, still: socket.connected, write: write?.ack }).toEqual({ connected, still: false, write: undefined });
    } finally {
      await locker.end();
    }
  });
});
