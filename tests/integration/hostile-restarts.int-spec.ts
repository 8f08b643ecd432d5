import { DOC_KEYS, type YjsAck } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import { dropDatabase, withPgClient } from '@mockboard/testing';
import { restartableApi, type RestartableApi } from '../support/restartable-api';
import { connectedProvider, eventually } from '../support/room-clients';
import { joinSession, seatedSession, signUp } from '../support/session-fixture';
import { createTestDatabase } from '../support/test-database';
import { TEST_PG_SERVER_URL } from '../support/test-run';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Rules P8 and P9 for honest clients across a kill -9. Before this work an observer's step 2 after a
 * restart (which always carries its whole delete set) was refused `read_only`, and a handshake refused
 * `unavailable` was never retried: Socket.IO does not reconnect after a refusal by the server's middleware.
 */
describe('honest clients across a restart', () => {
  let api: RestartableApi;
  const providers: RoomProvider[] = [];
  beforeAll(async () => {
    api = await restartableApi('restarts', { ROOM_UNLOAD_GRACE_MS: '600000' });
  });
  afterEach(() => providers.splice(0).forEach((p) => p.destroy()));
  afterAll(() => api?.stop());

  it('P9: an observer who only watched gets no room:error, and no refused acknowledgement, after kill -9 and its own reconnection', async () => {
    const { session, interviewer } = await seatedSession(api.baseUrl);
    const watcher = await signUp(api.baseUrl, 'Watcher');
    expect((await joinSession(api.baseUrl, watcher, session.inviteCode ?? '')).role).toBe('observer');
    const editor = await connectedProvider(api.baseUrl, session.id, interviewer.token, { track: providers });
    const observer = await connectedProvider(api.baseUrl, session.id, watcher.token, { track: providers });
    const errors: string[] = [];
    const acks: YjsAck[] = [];
    let syncs = 0;
    observer.on('room-error', (error) => errors.push(error.code));
    observer.on('ack', (ack) => acks.push(ack));
    observer.on('synced', (synced) => (syncs += synced ? 1 : 0));

    // Deletions as well as insertions: the observer's step 2 then carries a delete set.
    const elements = editor.doc.getMap<number>(DOC_KEYS.elements);
    for (let i = 0; i < 20; i++) elements.set(`k${i}`, i);
    for (let i = 0; i < 10; i++) elements.delete(`k${i}`);
    await editor.whenAcked();
    await eventually(() => observer.doc.getMap(DOC_KEYS.elements).size === 10, 5_000, 'the observer to see the edits');

    await api.kill();
    await api.restart();
    await eventually(() => syncs >= 1 && observer.synced, 20_000, 'the observer to resync by itself');
    await eventually(() => acks.length > 0, 5_000, "the acknowledgement of the observer's step 2");
    await sleep(300);
    expect(errors).toEqual([]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(observer.doc.getMap(DOC_KEYS.elements).toJSON()).toEqual(elements.toJSON());
  }, 40_000);
});

describe('a room that cannot be loaded for a while', () => {
  const database = `${process.env.TEST_DATABASE_NAME ?? 'mb_test'}_unavailable`;
  let databaseUrl: string;
  let api: RestartableApi | undefined;
  const providers: RoomProvider[] = [];
  beforeAll(async () => {
    // Its own database: the test breaks a table that every other test's rooms need.
    databaseUrl = await createTestDatabase(database);
    api = await restartableApi('unavailable', { DATABASE_URL: databaseUrl });
  });
  afterAll(async () => {
    providers.forEach((p) => p.destroy());
    await api?.stop();
    await dropDatabase(TEST_PG_SERVER_URL, database);
  });

  it('P2/P8: a connection refused `unavailable` is retried by RoomProvider by itself, which connects and syncs once the room loads', async () => {
    if (!api) throw new Error('api not started');
    const { session, interviewer } = await seatedSession(api.baseUrl);
    await withPgClient(databaseUrl, (c) => c.query('alter table doc_snapshots rename to doc_snapshots_away'));
    const attempts: string[] = [];
    const refusals: string[] = [];
    const synced = connectedProvider(api.baseUrl, session.id, interviewer.token, { track: providers, timeoutMs: 30_000 });
    const provider = providers.at(-1) as RoomProvider;
    provider.socket.on('connect_error', (error) => attempts.push(error.message));
    provider.on('refused', (reason) => refusals.push(reason));
    try {
      await eventually(() => attempts.filter((m) => m === 'unavailable').length >= 3, 15_000, 'three refused attempts');
    } finally {
      await withPgClient(databaseUrl, (c) => c.query('alter table doc_snapshots_away rename to doc_snapshots'));
    }
    await synced;
    expect(refusals).toEqual([]);
    expect(provider.refusal).toBeUndefined();
    expect(providers).toHaveLength(1);

    const acks: YjsAck[] = [];
    provider.on('ack', (ack) => acks.push(ack));
    provider.doc.getMap(DOC_KEYS.elements).set('after-outage', 1);
    await provider.whenAcked();
    // The step 2 that answered the server's step 1 may be acknowledged in the same moment.
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.every((ack) => ack.ok)).toBe(true);
  }, 40_000);
});
