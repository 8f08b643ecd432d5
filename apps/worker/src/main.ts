import { ConfigError, loadConfig } from '@mockboard/config';
import { openDatabase } from '@mockboard/db';
import { createLogger } from './logger';
import { startWorker } from './worker';

/** The worker on its own, for deployments that scale it apart from the api (docker/compose.yml). */
const SHUTDOWN_DEADLINE_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  await database.migrate();
  // One logger for the process, so that its lines share one format (and one transport thread).
  const logger = createLogger(config, 'worker');
  const worker = await startWorker(config, database, logger);
  logger.info('Mockboard worker is processing background jobs');
  const shutdown = async (): Promise<void> => {
    // Closing waits for Redis and in-flight work; an unreachable Redis must not keep the process alive.
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    await worker.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
