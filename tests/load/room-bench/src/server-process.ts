import { resolve } from 'node:path';
import { createDatabase, deleteRedisKeys, dropDatabase } from '@mockboard/testing';
import { startApiChild } from '../../shared/api-child';
import { onCleanup } from '../../shared/cleanup';

const PG_SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface ServerHandle {
  url: string;
  /** Process id for /proc sampling; undefined for a server we did not start and were not told about. */
  pid: number | undefined;
  /** Its database, for the persisted-log checks; undefined if unknown. */
  databaseUrl: string | undefined;
  /** The unload grace the server runs with, when we know it. */
  unloadGraceMs: number | undefined;
  /** Resolves when a line of the server's output matches; only for a server we started. */
  waitForOutput?(pattern: RegExp, timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

export interface OwnServerSettings {
  /** Run id, used in the database name and the Redis prefix. */
  id: string;
  logLevel: 'warn' | 'debug';
  roomEnv: Record<string, string>;
  cpuProfDir: string | undefined;
}

/**
 * A fresh database and Redis prefix, then the api as a child. Dropping the database and deleting the keys
 * are registered as cleanups first, so they run even if start-up fails half way or the run is interrupted.
 */
export async function startOwnServer(settings: OwnServerSettings): Promise<ServerHandle> {
  const dbName = `mb_bench_${settings.id.replace(/[^a-z0-9_]/g, '_')}`;
  const redisPrefix = `mb-bench-${settings.id}`;
  onCleanup(`drop database ${dbName}`, () => dropDatabase(PG_SERVER_URL, dbName));
  onCleanup(`delete Redis keys ${redisPrefix}*`, () => deleteRedisKeys(REDIS_URL, redisPrefix));
  const databaseUrl = await createDatabase(PG_SERVER_URL, dbName);

  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: settings.logLevel,
    WORKER_EMBEDDED: 'false',
    SESSION_SECRET: 'room-bench-secret-room-bench-secret-0123456789',
    // Every bench account is a guest from this one address, and a room's third client on are observers.
    GUESTS_PER_HOUR: '1000000',
    MAX_OBSERVERS: '1000000',
    // The load mode pushes its 20,000 updates through eight sockets of one user, as fast as the server takes
    // them: that is setting up the measured room, not what is measured. Fan-out clients stay far below both.
    ROOM_MESSAGES_PER_SECOND: '1000000',
    ROOM_MESSAGE_BURST: '1000000',
    ROOM_SESSION_MESSAGES_PER_SECOND: '1000000',
    ROOM_MAX_SOCKETS_PER_USER: '64',
    ...settings.roomEnv,
  };
  const profile = settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(settings.cpuProfDir)}`] : [];
  const api = await startApiChild('server', env, profile);
  return { ...api, databaseUrl, unloadGraceMs: Number(settings.roomEnv.ROOM_UNLOAD_GRACE_MS ?? 30_000) };
}

/** A server somebody else started (`--url`); we neither stop it nor touch its data beyond our sessions. */
export function externalServer(url: string, pid: number | undefined, databaseUrl: string | undefined): ServerHandle {
  return { url, pid, databaseUrl, unloadGraceMs: undefined, stop: async () => undefined };
}
