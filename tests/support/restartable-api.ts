import { freePort } from '@mockboard/testing';
import { spawnApi, waitForHealthy, type ApiProcess } from './api-process';
import { TEST_REDIS_URL } from './test-run';

/** A spawned api that keeps its port across restarts, so clients reconnect to it by themselves. */
export interface RestartableApi {
  readonly baseUrl: string;
  readonly port: string;
  /** The process running now (or the last one, once stopped). */
  readonly current: ApiProcess;
  /** Everything every process started so far has printed. */
  output(): string;
  /** kill -9; resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and database; waits for /api/health. */
  restart(): Promise<void>;
  /** SIGTERM, or nothing if it is not running; for afterAll. */
  stop(): Promise<void>;
}

/**
 * `spawnApi` with what every spawned-server test repeats: a free port, the run's database (or `databaseUrl`),
 * a Redis prefix of its own, a secret; `env` adds or overrides variables.
 */
export async function restartableApi(tag: string, env: Record<string, string | undefined> = {}): Promise<RestartableApi> {
  const port = String(await freePort());
  const fullEnv = {
    PORT: port,
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'mb-test'}-${tag}`,
    SESSION_SECRET: 'hostile-test-secret-hostile-test-secret-000',
    LOG_LEVEL: 'warn',
    WORKER_EMBEDDED: 'false',
    ...env,
  };
  const previous: string[] = [];
  let current = spawnApi(fullEnv);
  try {
    await waitForHealthy(current);
  } catch (error) {
    await current.stop('SIGKILL');
    throw error;
  }
  return {
    baseUrl: current.baseUrl,
    port,
    get current() {
      return current;
    },
    output: () => [...previous, current.output()].join('\n'),
    async kill() {
      await current.stop('SIGKILL');
    },
    async restart() {
      await current.stop('SIGKILL');
      previous.push(current.output());
      current = spawnApi(fullEnv);
      await waitForHealthy(current);
    },
    async stop() {
      // A graceful stop waits for Redis and Postgres; a stuck one must not outlive the test file.
      const graceful = current.stop('SIGTERM').then(() => true);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 8_000)));
      const stopped = await Promise.race([graceful, late]);
      clearTimeout(timer);
      if (!stopped) await current.stop('SIGKILL');
    },
  };
}
