import { startApiChild, type ApiChild } from '../../shared/api-child';

/**
 * The api with the recording worker embedded as `npm start` runs it (WORKER_EMBEDDED defaults to true): at
 * start its sweep enqueues every recording that is `queued`, which is how the bench gets the real job run
 * through BullMQ.
 */
export function startApi(databaseUrl: string, redisUrl: string, redisPrefix: string): Promise<ApiChild> {
  return startApiChild('api', {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    SESSION_SECRET: 'recording-bench-secret-recording-bench-0123456789',
    // One attempt: a failing build should fail the bench, not be retried behind its back.
    RECORDING_ATTEMPTS: '1',
    // The bench times seeks, not the per-user read budget (V5, V6): its one reader makes 1,000+ reads back to back.
    RECORDING_READS_PER_SECOND: '1000000',
  });
}
