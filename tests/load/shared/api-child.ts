import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { freePort } from '@mockboard/testing';
import { onCleanup, sleep } from './cleanup';

// Looked for upwards: this file runs compiled into each bench's dist/shared/, two folders deeper than its source.
const REPO_ROOT = workspaceRoot(__dirname);
const API_MAIN = resolve(REPO_ROOT, 'apps/api/dist/main.js');
const API_NODE_FLAGS = resolve(REPO_ROOT, 'apps/api/node-flags.cjs');
const HEALTH_TIMEOUT_MS = 60_000;
const LOG_TAIL_LINES = 200;

export interface ApiChild {
  url: string;
  pid: number | undefined;
  /** Resolves true when a line of the api's output matches, false after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * `node <flags npm start uses> apps/api/dist/main.js` as a child on a free port of 127.0.0.1, with `env` over
 * PATH and HOME alone, so nothing of the caller's environment reaches it by accident. Its stop is registered as
 * a cleanup before start-up is awaited, so it runs even if start-up fails or the run is interrupted. `label`
 * names it in its echoed output and in errors.
 */
export async function startApiChild(label: string, env: NodeJS.ProcessEnv, nodeFlags: string[] = []): Promise<ApiChild> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build first (npx tsc -b tsconfig.json)`);
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), ...env };
  // The flags `npm start` and the Docker image run the api with: a plain CommonJS file all three read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const execArgv = [...(require(API_NODE_FLAGS) as string[]), ...nodeFlags];
  const child = spawn(process.execPath, [...execArgv, API_MAIN], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputWatcher(child, label);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  onCleanup(`stop ${label} pid ${child.pid}`, stop);

  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, output, label);
  return { url, pid: child.pid, waitForOutput: (pattern, timeoutMs) => output.waitFor(pattern, timeoutMs), stop };
}

/** Keeps the last lines of the child's output for error messages and lets callers wait for a line. */
class OutputWatcher {
  private readonly lines: string[] = [];
  private readonly waiters = new Set<{ pattern: RegExp; resolve: (found: boolean) => void }>();
  private partial = '';

  constructor(
    child: ChildProcess,
    private readonly label: string,
  ) {
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
    if (/"level":(40|50|60)|Error|error/.test(line)) console.error(`[${this.label}] ${line.slice(0, 400)}`);
    for (const waiter of [...this.waiters]) if (waiter.pattern.test(line)) waiter.resolve(true);
  }
}

async function waitForHealth(url: string, child: ChildProcess, output: OutputWatcher, label: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ${label} exited during start-up:\n${output.tail()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`the ${label} did not become healthy within ${HEALTH_TIMEOUT_MS / 1000} s:\n${output.tail()}`);
}

function workspaceRoot(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'nx.json'))) return dir;
  }
  throw new Error(`no nx.json in any folder above ${from}`);
}
