import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '@mockboard/testing';
import { onCleanup, sleep } from './cleanup';

export const REPO_ROOT = resolve(__dirname, '../../../..');
const API_MAIN = resolve(REPO_ROOT, 'apps/api/dist/main.js');
const API_NODE_FLAGS = resolve(REPO_ROOT, 'apps/api/node-flags.cjs');
const LOG_TAIL_LINES = 100;

export interface ApiHandle {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * `node <flags npm start uses> apps/api/dist/main.js` on a free port, with the recording worker embedded
 * as `npm start` runs it (WORKER_EMBEDDED defaults to true): at start its sweep enqueues every recording
 * that is `queued`, which is how the bench gets the real job run through BullMQ.
 */
export async function startApi(databaseUrl: string, redisUrl: string, redisPrefix: string): Promise<ApiHandle> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build first (npx tsc -b tsconfig.json)`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    SESSION_SECRET: 'recording-bench-secret-recording-bench-0123456789',
    // One attempt: a failing build should fail the bench, not be retried behind its back.
    RECORDING_ATTEMPTS: '1',
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const execArgv = require(API_NODE_FLAGS) as string[];
  const child = spawn(process.execPath, [...execArgv, API_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      if (/"level":(40|50|60)|Error/.test(line)) console.error(`[api] ${line.slice(0, 400)}`);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  onCleanup(`stop api pid ${child.pid}`, stop);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the api exited during start-up:\n${tail.join('\n')}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the api did not become healthy within 60 s:\n${tail.join('\n')}`);
    await sleep(200);
  }
  return { url, pid: child.pid, stop };
}
