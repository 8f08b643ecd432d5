import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../..');

export interface BuiltAppProcess {
  child: ChildProcess;
  /** Everything it has written so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs an app's build (`apps/<app>/dist/main.js`) as a child process, as production does, for tests that need
 * a real process boundary: start-up messages, exit codes, kill -9. It sees only the environment given, so
 * nothing from the test run's own leaks in; variables left undefined are not set.
 */
export function spawnBuiltApp(app: 'api' | 'worker', env: Record<string, string | undefined>): BuiltAppProcess {
  const main = resolve(REPO_ROOT, `apps/${app}/dist/main.js`);
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx nx run ${app}:build)`);
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test' };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) childEnv[key] = value;
  const child = spawn(process.execPath, [main], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
