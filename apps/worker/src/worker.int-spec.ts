import { loadConfig } from '@mockboard/config';
import { authSessions, openDatabase, users, type Database } from '@mockboard/db';
import { BACKGROUND_QUEUE } from '@mockboard/jobs';
import { Queue, QueueEvents } from 'bullmq';
import { eq, inArray } from 'drizzle-orm';
import { TEST_REDIS_URL } from '../../../tests/support/test-run';
import { startWorker, type RunningWorker } from './worker';

describe('background worker', () => {
  const prefix = `${process.env.TEST_REDIS_PREFIX}-worker`;
  const config = loadConfig({
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    SESSION_SECRET: 'worker-test-secret-worker-test-secret-00',
    LOG_LEVEL: 'silent',
  });
  let database: Database;
  let worker: RunningWorker;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    worker = await startWorker(config, database);
    queue = new Queue(BACKGROUND_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix });
    events = new QueueEvents(BACKGROUND_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await queue.close();
    await worker.close();
    await database.close();
  });

  it('registers the hourly purge schedule', async () => {
    const deadline = Date.now() + 5_000;
    let schedulers = await queue.getJobSchedulers();
    while (schedulers.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      schedulers = await queue.getJobSchedulers();
    }
    expect(schedulers).toEqual([expect.objectContaining({ key: 'auth.purge-expired-sessions', every: 3_600_000 })]);
  });

  it('purges expired auth sessions and keeps live ones', async () => {
    // The schedule's first run starts at once; if it ran after the rows below were written, it could purge
    // them before the job this test adds, which would then report nothing purged.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const counts = await queue.getJobCounts('waiting', 'active');
      if ((counts.waiting ?? 0) + (counts.active ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const [user] = await database.db.insert(users).values({ displayName: 'Purge', isGuest: true }).returning();
    if (!user) throw new Error('no user');
    const hour = 3_600_000;
    await database.db.insert(authSessions).values([
      { userId: user.id, tokenHash: `expired-${user.id}`, expiresAt: new Date(Date.now() - hour) },
      { userId: user.id, tokenHash: `live-${user.id}`, expiresAt: new Date(Date.now() + hour) },
    ]);

    const job = await queue.add('auth.purge-expired-sessions', {});
    const result = (await job.waitUntilFinished(events, 10_000)) as { purged: number };

    expect(result.purged).toBeGreaterThanOrEqual(1);
    const left = await database.db.select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(left.map((s) => s.tokenHash)).toEqual([`live-${user.id}`]);
    await database.db.delete(users).where(inArray(users.id, [user.id]));
  });
});
