import { createTestDatabase } from './test-database';
import { newRunId } from './test-run';

/** One database and one Redis key prefix per test run, so concurrent runs never see each other. */
export default async function globalSetup(): Promise<void> {
  const runId = newRunId();
  const database = `mb_test_${runId}`;
  process.env.TEST_DATABASE_NAME = database;
  process.env.TEST_DATABASE_URL = await createTestDatabase(database);
  process.env.TEST_REDIS_PREFIX = `mb-test-${runId}`;
}
