import { DOC_KEYS } from '@mockboard/protocol';
import { RoomProvider } from '@mockboard/room-client';
import { spawnApi, waitForHealthy, type ApiProcess } from '../support/api-process';
import { freePort } from '@mockboard/testing';
import { eventually } from '../support/room-clients';
import { seatedSession } from '../support/session-fixture';
import { TEST_REDIS_URL } from '../support/test-run';

/** S1/S3: what the server acknowledged survives kill -9, and clients resume on their own. */
describe('room durability across kill -9', () => {
  let port: string;
  let api: ApiProcess | undefined;
  const providers: RoomProvider[] = [];

  const start = async (): Promise<ApiProcess> => {
    const child = spawnApi({
      PORT: port,
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX}-durability`,
      SESSION_SECRET: 'durability-test-secret-durability-test-secret',
      LOG_LEVEL: 'warn',
      WORKER_EMBEDDED: 'false',
      // A long unload grace and rare snapshots: the restart must rely on the update log alone.
      ROOM_UNLOAD_GRACE_MS: '600000',
      ROOM_SNAPSHOT_EVERY: '100000',
    });
    await waitForHealthy(child);
    return child;
  };

  beforeAll(async () => {
    port = String(await freePort());
    api = await start();
  });
  afterAll(async () => {
    providers.forEach((p) => p.destroy());
    await api?.stop();
  });

  it('keeps every acknowledged update, and a reconnecting client restores what the server had not committed', async () => {
    if (!api) throw new Error('api not started');
    const { session, interviewer, candidate } = await seatedSession(api.baseUrl);
    const connect = (token: string): RoomProvider => {
      const provider = new RoomProvider({
        url: api?.baseUrl ?? '',
        sessionId: session.id,
        token,
        socketOptions: { reconnectionDelay: 100, reconnectionDelayMax: 1_000 },
      });
      providers.push(provider);
      return provider;
    };
    const writer = connect(interviewer.token);
    const bystander = connect(candidate.token);
    await Promise.all([writer.whenSynced(), bystander.whenSynced()]);

    const board = writer.doc.getMap<number>(DOC_KEYS.elements);
    for (let i = 0; i < 200; i++) board.set(`acked-${i}`, i);
    await writer.whenAcked();
    // The writer goes away for good, so after the crash only the server's log can hold its updates.
    writer.destroy();
    api.child.kill('SIGKILL');
    expect(await api.exited).toBeNull();
    // Drawn while the server is down: nothing acknowledged it; the sync exchange after restart must carry it.
    bystander.doc.getMap<number>(DOC_KEYS.elements).set('while-down', 1);

    api = await start();
    const reader = connect(candidate.token);
    await reader.whenSynced();
    const seen = reader.doc.getMap<number>(DOC_KEYS.elements);
    for (let i = 0; i < 200; i++) expect(seen.get(`acked-${i}`)).toBe(i);

    await eventually(() => bystander.synced, 20_000, 'the bystander to reconnect and resync by itself');
    await eventually(() => seen.get('while-down') === 1, 5_000, 'the offline edit to reach the reader');
  }, 60_000);
});
