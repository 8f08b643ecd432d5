import { openDatabase } from '@mockboard/db';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { databaseUrlFor, TEST_PG_SERVER_URL } from './test-run';

async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_PG_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database with every migration applied; returns its URL. */
export async function createTestDatabase(name: string): Promise<string> {
  await withServer((client) => client.query(`create database "${name}"`));
  const url = databaseUrlFor(name);
  const database = await openDatabase({ url, dataDir: '.data', poolSize: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  return url;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withServer((client) => client.query(`drop database if exists "${name}" with (force)`));
}

/** Removes every key a run wrote under its prefix. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
