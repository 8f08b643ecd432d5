import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { LAN_HOST } from './support/hosts';

const REPO_ROOT = resolve(__dirname, '../..');
const port = process.env.E2E_PORT ?? '3100';
/**
 * The app as a self-hosted install on a LAN is reached: plain HTTP on a host name, which (unlike 127.0.0.1
 * or localhost) is not a secure context and gets no exemption from the CSP's upgrade-insecure-requests.
 * Chromium maps the name to this machine (--host-resolver-rules below); nothing else has to resolve it.
 */
const baseURL = process.env.E2E_BASE_URL ?? `http://${LAN_HOST}:${port}`;

const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
  throw new Error(
    'E2E_DATABASE_URL is required: point it at an empty, throwaway Postgres database, e.g.\n' +
      "  psql -h 127.0.0.1 -U postgres -c 'create database mockboard_e2e'\n" +
      '  E2E_DATABASE_URL=postgres://postgres@127.0.0.1:5432/mockboard_e2e npm run test:e2e',
  );
}
for (const [file, build] of [
  ['apps/api/dist/main.js', 'npx tsc -b'],
  ['apps/web/dist/index.html', 'npx nx run web:build'],
] as const) {
  if (!existsSync(join(REPO_ROOT, file))) throw new Error(`${file} is missing: build it first (${build})`);
}

// Playwright loads this file again in every worker; the first load picks the directory and the workers inherit it.
if (!process.env.E2E_DATA_DIR) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mb-e2e-'));
  process.env.E2E_DATA_DIR = dataDir;
  process.on('exit', () => {
    rmSync(dataDir, { recursive: true, force: true });
  });
}

export default defineConfig({
  testDir: './specs',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          // Debian's Chromium: Playwright's own browser download is not available offline.
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`,
          ],
        },
      },
    },
  ],
  // The built server, as production runs it (it also serves apps/web/dist). Not through nx, which leaves orphans.
  webServer: {
    command: 'node apps/api/dist/main.js',
    cwd: REPO_ROOT,
    // Node's fetch does not use Chromium's host rules.
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'test',
      PORT: port,
      PUBLIC_URL: baseURL,
      DATABASE_URL: databaseUrl,
      REDIS_PREFIX: process.env.E2E_REDIS_PREFIX ?? 'mb-e2e',
      LOG_LEVEL: 'warn',
      DATA_DIR: process.env.E2E_DATA_DIR,
    },
  },
});
