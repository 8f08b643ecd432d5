export * from './schema';
export { openDatabase, MIGRATIONS_DIR, type Database, type DatabaseOptions, type Db, type Schema } from './database';
export { describeError, describeErrorWithStack } from './describe-error';
