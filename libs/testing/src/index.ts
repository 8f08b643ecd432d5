export { createDatabase, databaseUrlFor, dropDatabase, withPgClient } from './scratch-database';
export { deleteRedisKeys } from './redis-keys';
export { freePort } from './free-port';
export { seededRandom, seedFromEnv, type SeededRandom } from './seeded-random';
