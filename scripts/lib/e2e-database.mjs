// create NAME | drop NAME [REDIS_PREFIX]: the browser tests' own database, made and removed per run.
// Runs after the build, so it uses the workspace's own test helpers.
import testing from '@mockboard/testing';

const serverUrl = process.env.TEST_PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const [action, name, redisPrefix] = process.argv.slice(2);
if (action === 'create') {
  await testing.createDatabase(serverUrl, name);
} else {
  await testing.dropDatabase(serverUrl, name);
  if (redisPrefix) await testing.deleteRedisKeys(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', redisPrefix);
}
