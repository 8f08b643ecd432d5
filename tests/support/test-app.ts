import { loadConfig, type AppConfig } from '@mockboard/config';
import { openDatabase, type Database } from '@mockboard/db';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/create-app';
import { TEST_REDIS_URL } from './test-run';

export interface TestApp {
  baseUrl: string;
  config: AppConfig;
  database: Database;
  app: NestExpressApplication;
  close(): Promise<void>;
}

/** The real api, in-process, on a free port, against this run's database and Redis prefix. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is unset: run integration specs through jest --selectProjects integration');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mb-test-')),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: process.env.TEST_REDIS_PREFIX ?? 'mb-test',
    SESSION_SECRET: 'integration-test-secret-integration-test-secret',
    LOG_LEVEL: 'warn',
    WORKER_EMBEDDED: 'false',
    ...env,
  });
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  const app = await createApp(config, database);
  app.useLogger(false);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (typeof address !== 'object' || !address) throw new Error('server has no address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    database,
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
