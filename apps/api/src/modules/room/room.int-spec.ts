import { authSessions, docUpdates } from '@mockboard/db';
import { awarenessMessage, DOC_KEYS, PROTOCOL_VERSION, updateMessage } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import { eq } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { joinSession, seatedSession, signUp, type Person } from '../../../../../tests/support/session-fixture';
import { connectedProvider, eventually, rawSocket, refusalOf, sendYjs } from '../../../../../tests/support/room-clients';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

const MAX_MESSAGE = 64 * 1024;

describe('room gateway', () => {
  let app: TestApp;
  let sessionId: string;
  let interviewer: Person;
  let candidate: Person;
  let inviteCode: string;
  const providers: RoomProvider[] = [];

  const connect = async (person: Person): Promise<RoomProvider> => {
    const provider = await connectedProvider(app.baseUrl, sessionId, person.token);
    providers.push(provider);
    return provider;
  };
  const elements = (provider: RoomProvider) => provider.doc.getMap<{ version: number }>(DOC_KEYS.elements);

  beforeAll(async () => {
    app = await startTestApp({ ROOM_MAX_MESSAGE_BYTES: String(MAX_MESSAGE) });
    const seated = await seatedSession(app.baseUrl);
    ({ interviewer, candidate } = seated);
    sessionId = seated.session.id;
    inviteCode = seated.session.inviteCode ?? '';
  });
  afterEach(() => providers.splice(0).forEach((p) => p.destroy()));
  afterAll(() => app.close());

  it('P4/P5: two clients converge, and an acknowledged update is already in the log with its author', async () => {
    const a = await connect(interviewer);
    const b = await connect(candidate);
    elements(a).set('rect-a', { version: 1 });
    elements(b).set('rect-b', { version: 1 });
    await eventually(() => elements(a).size === 2 && elements(b).size === 2, 5_000, 'convergence');
    expect(elements(a).toJSON()).toEqual(elements(b).toJSON());

    elements(a).set('rect-ack', { version: 7 });
    await a.whenAcked();
    const rows = await app.database.db.select().from(docUpdates).where(eq(docUpdates.sessionId, sessionId));
    const logged = new Y.Doc();
    rows.forEach((row) => Y.applyUpdate(logged, row.update));
    expect(logged.getMap(DOC_KEYS.elements).get('rect-ack')).toEqual({ version: 7 });
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([interviewer.userId, candidate.userId]));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  });

  it('P4: a late joiner receives the full state', async () => {
    const a = await connect(interviewer);
    elements(a).set('before-late-joiner', { version: 3 });
    await a.whenAcked();
    const late = await connect(candidate);
    expect(elements(late).get('before-late-joiner')).toEqual({ version: 3 });
    expect(elements(late).toJSON()).toEqual(elements(a).toJSON());
  });

  it('P8: edits made offline arrive after the client reconnects', async () => {
    const a = await connect(interviewer);
    const b = await connect(candidate);
    a.socket.disconnect();
    elements(a).set('drawn-offline', { version: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(elements(b).has('drawn-offline')).toBe(false);
    a.socket.connect();
    await eventually(() => elements(b).has('drawn-offline'), 5_000, 'offline edit to arrive');
  });

  it('P6/P7: malformed, truncated, oversize and observer messages are refused; the sender stays; others see nothing', async () => {
    const b = await connect(candidate);
    const before = JSON.stringify(elements(b).toJSON());
    const bad = await rawSocket(app.baseUrl, { token: interviewer.token, sessionId });

    const doc = new Y.Doc();
    doc.getMap(DOC_KEYS.elements).set('poison', { version: 1 });
    const full = Y.encodeStateAsUpdate(doc);

    const garbage = await sendYjs(bad, new Uint8Array([0, 2, 9, 255, 255, 255, 1]));
    expect(garbage.error?.code).toBe('invalid_message');
    expect(garbage.ack).toEqual({ ok: false, error: 'invalid_message' });

    const truncated = await sendYjs(bad, updateMessage(full).slice(0, -4));
    expect(truncated.error?.code).toBe('invalid_message');

    const notAnUpdate = await sendYjs(bad, updateMessage(new Uint8Array([9, 9, 9, 9])));
    expect(notAnUpdate.error?.code).toBe('invalid_message');

    const unknownType = await sendYjs(bad, new Uint8Array([7, 1, 2]));
    expect(unknownType.error?.code).toBe('invalid_message');

    const oversize = await sendYjs(bad, new Uint8Array(MAX_MESSAGE + 1));
    expect(oversize.error?.code).toBe('too_large');

    const text = await sendYjs(bad, 'hello' as unknown as Uint8Array);
    expect(text.error?.code).toBe('invalid_message');
    expect(bad.connected).toBe(true);

    const watcher = await signUp(app.baseUrl, 'Watcher');
    expect((await joinSession(app.baseUrl, watcher, inviteCode)).role).toBe('observer');
    const observer = await rawSocket(app.baseUrl, { token: watcher.token, sessionId });
    const write = await sendYjs(observer, updateMessage(full));
    expect(write.error?.code).toBe('read_only');
    expect(observer.connected).toBe(true);

    await new Promise((r) => setTimeout(r, 100));
    expect(JSON.stringify(elements(b).toJSON())).toBe(before);
    expect(elements(b).has('poison')).toBe(false);

    // A valid update from the same socket is still applied: it was refused messages, not banned.
    const ok = await sendYjs(bad, updateMessage(full));
    expect(ok.ack).toEqual({ ok: true });
    await eventually(() => elements(b).has('poison'), 5_000, 'valid update after refusals');
    bad.close();
    observer.close();
  });

  it('P6: a flood is answered with rate_limited', async () => {
    const flooder = await rawSocket(app.baseUrl, { token: interviewer.token, sessionId });
    const codes: string[] = [];
    flooder.on('room:error', (e: { code: string }) => codes.push(e.code));
    const step1 = new Uint8Array([0, 0, 1, 0]);
    for (let i = 0; i < 400; i++) flooder.emit('yjs', step1);
    await eventually(() => codes.includes('rate_limited'), 5_000, 'rate_limited');
    flooder.close();
  });

  it('P2: refuses strangers, missing tokens, unknown sessions and other protocol versions', async () => {
    const stranger = await signUp(app.baseUrl, 'Stranger');
    expect(await refusalOf(app.baseUrl, { token: stranger.token, sessionId, protocolVersion: PROTOCOL_VERSION })).toBe('forbidden');
    expect(await refusalOf(app.baseUrl, { sessionId, protocolVersion: PROTOCOL_VERSION })).toBe('unauthorized');
    expect(await refusalOf(app.baseUrl, { token: 'mb_forged', sessionId, protocolVersion: PROTOCOL_VERSION })).toBe('unauthorized');
    expect(
      await refusalOf(app.baseUrl, { token: stranger.token, sessionId: '00000000-0000-4000-8000-000000000000', protocolVersion: PROTOCOL_VERSION }),
    ).toBe('not_found');
    expect(await refusalOf(app.baseUrl, { token: interviewer.token, sessionId, protocolVersion: 0 })).toBe('client_too_old');
    expect(await refusalOf(app.baseUrl, { token: interviewer.token, sessionId })).toBe('client_too_old');
    expect(await refusalOf(app.baseUrl, { token: interviewer.token, sessionId, protocolVersion: 2 })).toBe('server_too_old');
  });

  it('P2: a browser may authenticate with the session cookie instead of a token', async () => {
    const socket = await rawSocket(app.baseUrl, { sessionId }, { cookie: `mb_session=${candidate.token}` });
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it('D4: awareness is relayed, sent to late joiners, and removed when its client leaves', async () => {
    const a = await connect(interviewer);
    const b = await connect(candidate);
    a.awareness.setLocalStateField('user', { id: interviewer.userId, name: 'Interviewer' });
    await eventually(() => b.awareness.getStates().get(a.doc.clientID) !== undefined, 5_000, 'awareness relay');

    const late = await connect(candidate);
    await eventually(() => late.awareness.getStates().has(a.doc.clientID), 5_000, 'awareness for late joiner');

    a.destroy();
    await eventually(() => !b.awareness.getStates().has(a.doc.clientID), 5_000, 'awareness removal');
  });

  it('P7: a malformed awareness update is refused', async () => {
    const socket = await rawSocket(app.baseUrl, { token: interviewer.token, sessionId });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, new Uint8Array([1, 5, 1, 3, 123, 120]));
    expect((await sendYjs(socket, encoding.toUint8Array(encoder))).error?.code).toBe('invalid_message');
    const empty = new Awareness(new Y.Doc());
    empty.destroy();
    expect((await sendYjs(socket, awarenessMessage(empty, []))).ack).toEqual({ ok: true });
    socket.close();
  });

  it('P10: a socket is closed `unauthorized` when the sign-in it was opened with expires', async () => {
    const person = await signUp(app.baseUrl, 'Expiring');
    await joinSession(app.baseUrl, person, inviteCode);
    // The sign-in ends two seconds from now; the socket is opened while it is still valid.
    await app.database.db.update(authSessions).set({ expiresAt: new Date(Date.now() + 2_000) }).where(eq(authSessions.userId, person.userId));
    const socket = await rawSocket(app.baseUrl, { token: person.token, sessionId });
    const closed: unknown[] = [];
    socket.on('room:closed', (event: unknown) => closed.push(event));
    await eventually(() => !socket.connected, 5_000, 'the socket to be closed at expiry');
    expect(closed).toEqual([{ reason: 'unauthorized' }]);
    socket.close();
  });
});
