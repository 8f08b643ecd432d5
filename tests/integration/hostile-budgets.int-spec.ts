import { docUpdates } from '@mockboard/db';
import { awarenessUpdateMessage, DOC_KEYS, PROTOCOL_VERSION, syncStep1Message, type YjsAck } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { connectedProvider, eventually, rawSocket, refusalOf } from '../support/room-clients';
import { awarenessUpdate } from '../support/room-wire';
import { joinSession, seatedSession, signUp } from '../support/session-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const KiB = 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rules P2 and P6: budgets belong to a user in a session, not to a socket. */
describe('one user, many sockets', () => {
  const RATE = 10;
  const BURST = 20;
  let app: TestApp;
  const sockets: Socket[] = [];
  const providers: RoomProvider[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ROOM_MESSAGES_PER_SECOND: String(RATE), ROOM_MESSAGE_BURST: String(BURST) });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    providers.forEach((p) => p.destroy());
    await app.close();
  });

  it('P2/P6: the 9th socket of one user in one session is refused too_many_connections; a flood over 8 sockets is limited as one user; others are served meanwhile', async () => {
    const { session, interviewer, candidate } = await seatedSession(app.baseUrl);
    const auth = (token: string) => ({ token, sessionId: session.id });
    const flooders: Socket[] = [];
    for (let i = 0; i < 8; i++) flooders.push(await rawSocket(app.baseUrl, auth(candidate.token)));
    sockets.push(...flooders);
    const handshake = { ...auth(candidate.token), protocolVersion: PROTOCOL_VERSION };
    expect(await refusalOf(app.baseUrl, handshake)).toBe('too_many_connections');
    // The session cookie is the same user, not a ninth chance.
    expect(await refusalOf(app.baseUrl, { sessionId: session.id, protocolVersion: PROTOCOL_VERSION }, { cookie: `mb_session=${candidate.token}` })).toBe(
      'too_many_connections',
    );

    // Someone else in the same session, and another session altogether.
    const colleague = await rawSocket(app.baseUrl, auth(interviewer.token));
    sockets.push(colleague);
    const other = await seatedSession(app.baseUrl);
    const drawer = await connectedProvider(app.baseUrl, other.session.id, other.interviewer.token, { track: providers });
    const watcher = await connectedProvider(app.baseUrl, other.session.id, other.candidate.token, { track: providers });

    // An awareness update with no states: applied at once, and acknowledged at once, when it is allowed.
    const cheap = awarenessUpdateMessage(awarenessUpdate([]));
    const flood: Array<Promise<YjsAck>> = [];
    const colleagueAcks: Array<Promise<YjsAck>> = [];
    const rounds = 12;
    const started = Date.now();
    for (let round = 0; round < rounds; round++) {
      for (const socket of flooders) flood.push(socket.timeout(5_000).emitWithAck('yjs', cheap) as Promise<YjsAck>);
      colleagueAcks.push(colleague.timeout(5_000).emitWithAck('yjs', cheap) as Promise<YjsAck>);
      drawer.doc.getMap(DOC_KEYS.elements).set(`during-${round}`, round);
      if (round < rounds - 1) await sleep(250);
    }
    const seconds = (Date.now() - started) / 1000;
    const acks = await Promise.all(flood);
    const accepted = acks.filter((ack) => ack.ok).length;
    const limited = acks.filter((ack) => !ack.ok && ack.error === 'rate_limited').length;
    expect(accepted + limited).toBe(flood.length);
    // One user's budget: the burst, then the sustained rate (half a second's slack for a busy event loop).
    // Per socket it would have been all of them.
    expect(accepted).toBeLessThanOrEqual(BURST + RATE * (seconds + 0.5) + 2);
    expect(accepted).toBeGreaterThanOrEqual(BURST + RATE * seconds * 0.8 - 2);
    expect(accepted).toBeLessThan(flood.length * 0.75);
    expect(flooders.every((s) => s.connected)).toBe(true);

    expect((await Promise.all(colleagueAcks)).every((ack) => ack.ok)).toBe(true);
    await eventually(() => watcher.doc.getMap(DOC_KEYS.elements).get(`during-${rounds - 1}`) === rounds - 1, 5_000, 'the other session to be served');

    // A seat frees up when a socket goes.
    flooders[0]?.close();
    await eventually(
      async () => {
        const socket = await rawSocket(app.baseUrl, auth(candidate.token)).catch(() => undefined);
        if (socket) sockets.push(socket);
        return socket !== undefined;
      },
      5_000,
      'a ninth socket once one of the eight closed',
    );
  });
});

/** Rule P6: sync answers are charged to whoever asked for them. */
describe('an observer asking for a big board over and over', () => {
  const SYNC_RATE = 64 * KiB;
  const SYNC_BURST = 16 * SYNC_RATE;
  let app: TestApp;
  const sockets: Socket[] = [];
  const providers: RoomProvider[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ROOM_SYNC_BYTES_PER_SECOND: String(SYNC_RATE) });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    providers.forEach((p) => p.destroy());
    await app.close();
  });

  it('P6: after the sync budget the answers are rate_limited, what is sent stays bounded, reconnecting does not refill it, and /api/health answers', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    const board = new Y.Doc();
    for (let i = 0; i < 10; i++) board.getMap(DOC_KEYS.elements).set(`big-${i}`, { id: `big-${i}`, text: String(i).repeat(100 * KiB) });
    const state = Y.encodeStateAsUpdate(board);
    await app.database.db.insert(docUpdates).values({ sessionId: session.id, seq: 1, userId: interviewer.userId, createdAt: new Date(), update: state });

    const watcher = await signUp(app.baseUrl, 'Watcher');
    expect((await joinSession(app.baseUrl, watcher, session.inviteCode ?? '')).role).toBe('observer');
    const observer = await rawSocket(app.baseUrl, { token: watcher.token, sessionId: session.id });
    sockets.push(observer);
    let received = 0;
    observer.on('yjs', (payload: Buffer) => (received += payload.byteLength));

    // A newcomer's vector (answered from a cache) and a stranger's (encoded afresh each time), alternately.
    const vectors = [Y.encodeStateVector(new Y.Doc()), Y.encodeStateVector(new Map([[987_654_321, 3]]))];
    const answers: Array<Promise<YjsAck>> = [];
    const started = Date.now();
    const health = fetch(`${app.baseUrl}/api/health`);
    for (let i = 0; i < 18; i++) {
      answers.push(observer.timeout(10_000).emitWithAck('yjs', syncStep1Message(vectors[i % 2] as Uint8Array)) as Promise<YjsAck>);
      await sleep(25);
    }
    const acks = await Promise.all(answers);
    const seconds = (Date.now() - started) / 1000;
    expect((await health).status).toBe(200);
    const answered = acks.filter((ack) => ack.ok).length;
    expect(acks.filter((ack) => !ack.ok && ack.error === 'rate_limited')).toHaveLength(acks.length - answered);
    // Before this work every one was answered: 18 copies of the board.
    expect(answered).toBeLessThanOrEqual(3);
    expect(received).toBeLessThanOrEqual(SYNC_BURST + SYNC_RATE * seconds + state.byteLength + 16 * KiB);
    expect(observer.connected).toBe(true);

    const again = await rawSocket(app.baseUrl, { token: watcher.token, sessionId: session.id });
    sockets.push(again);
    expect(await again.timeout(5_000).emitWithAck('yjs', syncStep1Message(vectors[0] as Uint8Array))).toEqual({ ok: false, error: 'rate_limited' });

    // The budget is the observer's own: the interviewer still loads the board.
    const reader = await connectedProvider(app.baseUrl, session.id, interviewer.token, { track: providers });
    expect(reader.doc.getMap(DOC_KEYS.elements).size).toBe(10);
  });
});
