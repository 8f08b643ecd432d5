// Builds the workspace and the bench, then runs the bench with this command's arguments.
// Usage: npm run bench:recording -- --help   (see README.md)
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

for (const project of ['tsconfig.json', 'tests/load/recording-bench']) {
  const build = spawnSync('npx', ['tsc', '-b', project], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const bench = spawn(process.execPath, [resolve(here, 'dist/main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the bench too (same process group); it cleans up and exits, and we wait for it.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => bench.kill('SIGTERM'));
bench.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
