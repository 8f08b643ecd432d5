import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDatabase, deleteRedisKeys, dropDatabase, freePort } from '@mockboard/testing';
import { onCleanup, sleep } from './cleanup';

export const REPO_ROOT = resolve(__dirname, '../../../..');
const API_MAIN = resolve(REPO_ROOT, 'apps/api/dist/main.js');
const API_NODE_FLAGS = resolve(REPO_ROOT, 'apps/api/node-flags.cjs');
const PG_SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LOG_TAIL_LINES = 200;

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
 * A fresh database and Redis prefix, then `node apps/api/dist/main.js` as a child. Stopping the child,
 * dropping the database and deleting the keys are registered as cleanups first, so they run even if
 * start-up fails half way or the run is interrupted.
 */
export async function startOwnServer(settings: OwnServerSettings): Promise<ServerHandle> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build first (npx tsc -b tsconfig.json)`);
  const dbName = `mb_bench_${settings.id.replace(/[^a-z0-9_]/g, '_')}`;
  const redisPrefix = `mb-bench-${settings.id}`;
  onCleanup(`drop database ${dbName}`, () => dropDatabase(PG_SERVER_URL, dbName));
  onCleanup(`delete Redis keys ${redisPrefix}*`, () => deleteRedisKeys(REDIS_URL, redisPrefix));
  const databaseUrl = await createDatabase(PG_SERVER_URL, dbName);

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
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
  // The flags `npm start` and the Docker image run the api with: a plain CommonJS file all three read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const execArgv = [...(require(API_NODE_FLAGS) as string[]), ...profile];
  const child = spawn(process.execPath, [...execArgv, API_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputWatcher(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  onCleanup(`stop server pid ${child.pid}`, stop);

  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, output, 60_000);
  return {
    url,
    pid: child.pid,
    databaseUrl,
    unloadGraceMs: Number(settings.roomEnv.ROOM_UNLOAD_GRACE_MS ?? 30_000),
    waitForOutput: (pattern, timeoutMs) => output.waitFor(pattern, timeoutMs),
    stop,
  };
}

/** Keeps the last lines of the child's output for error messages and lets callers wait for a line. */
class OutputWatcher {
  private readonly lines: string[] = [];
  private readonly waiters = new Set<{ pattern: RegExp; resolve: (found: boolean) => void }>();
  private partial = '';

  constructor(child: ChildProcess) {
    const onData = (chunk: Buffer): void => {
      const text = this.partial + chunk.toString();
      const parts = text.split('\n');
      this.partial = parts.pop() ?? '';
      for (const line of parts) this.onLine(line);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  tail(): string {
    return this.lines.join('\n');
  }

  waitFor(pattern: RegExp, timeoutMs: number): Promise<boolean> {
    return new Promise((resolveWait) => {
      const waiter = { pattern, resolve: resolveWait };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolveWait(false);
      }, timeoutMs);
      waiter.resolve = (found) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolveWait(found);
      };
      this.waiters.add(waiter);
    });
  }

  private onLine(line: string): void {
    this.lines.push(line);
    if (this.lines.length > LOG_TAIL_LINES) this.lines.shift();
    // Warnings and errors are worth seeing live; debug lines are only matched.
    if (/"level":(40|50|60)|Error|error/.test(line)) console.error(`[server] ${line.slice(0, 400)}`);
    for (const waiter of [...this.waiters]) if (waiter.pattern.test(line)) waiter.resolve(true);
  }
}

async function waitForHealth(url: string, child: ChildProcess, output: OutputWatcher, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output.tail()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`the server did not become healthy within ${timeoutMs} ms:\n${output.tail()}`);
}

/** A server somebody else started (`--url`); we neither stop it nor touch its data beyond our sessions. */
export function externalServer(url: string, pid: number | undefined, databaseUrl: string | undefined): ServerHandle {
  return { url, pid, databaseUrl, unloadGraceMs: undefined, stop: async () => undefined };
}
