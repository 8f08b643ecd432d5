import { deleteRedisKeys, dropDatabase } from '@mockboard/testing';
import { TEST_PG_SERVER_URL, TEST_REDIS_URL } from './test-run';

export default async function globalTeardown(): Promise<void> {
  const database = process.env.TEST_DATABASE_NAME;
  const prefix = process.env.TEST_REDIS_PREFIX;
  if (database) await dropDatabase(TEST_PG_SERVER_URL, database);
  if (prefix) await deleteRedisKeys(TEST_REDIS_URL, prefix);
}
