import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig } from '@mockboard/config';
import { openDatabase } from '@mockboard/db';
import { createLogger, startWorker } from '@mockboard/worker';
import { createApp } from './create-app';

/** Below Docker's default 10 s between SIGTERM and SIGKILL, so the last log lines still come out. */
const SHUTDOWN_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  const config = readConfigOrExit();
  // Where the data lives and where the app answers are said whatever LOG_LEVEL is, short of silent.
  const announce = createLogger({ logLevel: config.logLevel === 'silent' ? 'silent' : 'info' }, 'mockboard');
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  if (database.kind === 'pglite') {
    announce.info(`No DATABASE_URL set: using the embedded PGlite database in ${database.location}`);
  }
  await database.migrate();

  const app = await createApp(config, database);
  await app.listen(config.port, config.host);
  const worker = config.workerEmbedded ? await startWorker(config, database) : undefined;

  const shutdown = async (): Promise<void> => {
    // Closing waits for Redis and in-flight work; an unreachable Redis must not keep the process alive.
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    await worker?.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());

  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  announce.info(`Mockboard is running at ${config.publicUrl.replace(`:${config.port}`, `:${port}`)}`);
}

function readConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error('Mockboard failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
