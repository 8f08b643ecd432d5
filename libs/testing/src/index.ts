export { createDatabase, databaseUrlFor, dropDatabase } from './scratch-database';
export { deleteRedisKeys } from './redis-keys';
export { freePort } from './free-port';
