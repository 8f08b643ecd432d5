#!/usr/bin/env node
// `npm test`: everything CI checks, in order of cost: build and typecheck, lint, migration drift, Jest unit and
// integration specs (real Postgres and Redis), then Playwright in Chromium against the built app.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { canConnect, checkNodeVersion, ensureDependencies, freePort, NX_ENV, ROOT } from './lib/workspace.mjs';

const PG_SERVER_URL = process.env.TEST_PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

checkNodeVersion();
ensureDependencies();
await requireServices();

const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const e2eDatabase = `mb_e2e_${runId}`;
const timings = [];
let failed = false;

step('build + typecheck', 'node_modules/.bin/nx', ['run-many', '-t', 'build', 'typecheck', '--output-style=static'], NX_ENV);
step('lint', 'node_modules/.bin/eslint', ['.', '--max-warnings=0']);
step('migrations match schema', 'node_modules/.bin/drizzle-kit', ['check']);
step('jest unit + integration', 'node_modules/.bin/jest', ['--ci']);
step('create e2e database', 'node', ['scripts/lib/e2e-database.mjs', 'create', e2eDatabase]);
step('playwright e2e', 'node_modules/.bin/playwright', ['test', '-c', 'tests/e2e/playwright.config.ts'], {
  E2E_DATABASE_URL: databaseUrl(e2eDatabase),
  E2E_PORT: String(await freePort()),
  E2E_REDIS_PREFIX: `mb-e2e-${runId}`,
});
spawnSync('node', ['scripts/lib/e2e-database.mjs', 'drop', e2eDatabase, `mb-e2e-${runId}`], { cwd: ROOT, stdio: 'inherit' });

console.log('\nSummary');
for (const t of timings) console.log(`  ${t.ok ? '✓' : '✗'} ${t.name.padEnd(28)} ${(t.ms / 1000).toFixed(1)} s`);
console.log(failed ? '\nSome checks failed.' : '\nAll checks passed.');
process.exit(failed ? 1 : 0);

function step(name, command, args, env = {}) {
  if (failed) return;
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  timings.push({ name, ok, ms: Date.now() - started });
  if (!ok) failed = true;
}

function databaseUrl(name) {
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function requireServices() {
  const pg = new URL(PG_SERVER_URL);
  const redis = new URL(REDIS_URL);
  const missing = [];
  if (!(await canConnect(pg.hostname, Number(pg.port || 5432)))) missing.push(`Postgres at ${pg.host}`);
  if (!(await canConnect(redis.hostname, Number(redis.port || 6379)))) missing.push(`Redis at ${redis.host}`);
  if (missing.length === 0) return;
  console.error(`The tests need ${missing.join(' and ')}. Start them (or: docker compose -f docker/compose.yml up -d postgres redis),`);
  console.error('or point TEST_PG_SERVER_URL / TEST_REDIS_URL elsewhere.');
  process.exit(1);
}
