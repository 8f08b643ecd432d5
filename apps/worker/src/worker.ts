import { REDIS_HELP, type AppConfig } from '@mockboard/config';
import { describeErrorWithStack, type Database } from '@mockboard/db';
import { BACKGROUND_QUEUE, JOB_SCHEDULES, jobsConnection, type JobName } from '@mockboard/jobs';
import { Queue, Worker } from 'bullmq';
import { indexHandlers, JOB_HANDLERS } from './job-registry';
import { createLogger } from './logger';
import { startRecordingWorker, type RecordingWorker } from './recordings/recording-worker';

export interface RunningWorker {
  recordings: RecordingWorker;
  close(): Promise<void>;
}

/**
 * Starts the BullMQ worker for the background queue and upserts the repeating schedules. Safe to run
 * on every node: schedules are keyed by job name, so they are shared rather than duplicated.
 */
export async function startWorker(config: AppConfig, database: Database, logger = createLogger(config, 'worker')): Promise<RunningWorker> {
  const handlers = indexHandlers(JOB_HANDLERS);
  const connection = jobsConnection(config.redis.url);
  const prefix = config.redis.prefix;

  const worker = new Worker(
    BACKGROUND_QUEUE,
    async (job) => {
      const handler = handlers.get(job.name as JobName);
      if (!handler) throw new Error(`Unknown job "${job.name}"`);
      return handler.run(job.data as never, { db: database.db, logger: logger.child({ job: job.name, id: job.id }) });
    },
    { connection, prefix, concurrency: 4, autorun: true },
  );
  const queue = new Queue(BACKGROUND_QUEUE, { connection, prefix });

  let redisDown = false;
  const onRedisError = (error: Error): void => {
    if (redisDown) return;
    redisDown = true;
    logger.warn(`Redis is unreachable at ${config.redis.url} (${error.message}): ${REDIS_HELP}; jobs wait until it is back`);
  };
  worker.on('error', onRedisError);
  queue.on('error', onRedisError);
  worker.on('ready', () => {
    if (redisDown) logger.info('Redis connection restored: processing jobs');
    redisDown = false;
  });
  // Described, not serialised: a failed query's message lists its parameters.
  worker.on('failed', (job, error) => logger.error({ job: job?.name, id: job?.id }, `job failed: ${describeErrorWithStack(error)}`));

  // Not awaited: with Redis down this would block start-up; the client queues it until Redis is back.
  void Promise.all(
    JOB_SCHEDULES.map(({ name, everyMs }) => queue.upsertJobScheduler(name, { every: everyMs }, { name, data: {} })),
  ).catch((error: unknown) => logger.warn({ err: error }, 'could not register job schedules'));

  const recordings = startRecordingWorker(config, database, connection, logger.child({ queue: 'recordings' }));

  return {
    recordings,
    async close() {
      await recordings.close();
      await worker.close();
      await queue.close();
    },
  };
}
