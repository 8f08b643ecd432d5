// create NAME | drop NAME [REDIS_PREFIX]: the browser tests' own database, made and removed per run.
// Runs after `npm install`, so it may use the project's dependencies.
import pg from 'pg';
import { Redis } from 'ioredis';

const [action, name, redisPrefix] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name ?? '')) throw new Error(`bad database name: ${name}`);
const client = new pg.Client({ connectionString: process.env.TEST_PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
await client.connect();
try {
  await client.query(action === 'create' ? `create database "${name}"` : `drop database if exists "${name}" with (force)`);
} finally {
  await client.end();
}
if (action === 'drop' && redisPrefix) {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
