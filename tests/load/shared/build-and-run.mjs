// Each bench's run.mjs: builds the workspace and the bench, then runs the bench with this command's arguments.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** `bench` is the bench's folder in tests/load; its tsconfig compiles src/ to dist/<bench>/src/ (beside dist/shared/). */
export function buildAndRun(bench) {
  for (const project of ['tsconfig.json', `tests/load/${bench}`]) {
    const build = spawnSync('npx', ['tsc', '-b', project], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const child = spawn(process.execPath, [resolve(root, 'tests/load', bench, 'dist', bench, 'src/main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  // Ctrl-C reaches the bench too (same process group); it cleans up and exits, and we wait for it.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
