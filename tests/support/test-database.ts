import { openDatabase } from '@mockboard/db';
import { createDatabase } from '@mockboard/testing';
import { TEST_PG_SERVER_URL } from './test-run';

/** Creates an empty database with every migration applied; returns its URL. */
export async function createTestDatabase(name: string): Promise<string> {
  const url = await createDatabase(TEST_PG_SERVER_URL, name);
  const database = await openDatabase({ url, dataDir: '.data', poolSize: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  return url;
}
