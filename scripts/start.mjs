#!/usr/bin/env node
// `npm start`: install what is missing, build (cached by Nx), then run the api with the embedded worker.
// The api applies database migrations itself on start-up.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { checkNodeVersion, ensureDependencies, handOver, nx, ROOT } from './lib/workspace.mjs';

checkNodeVersion();
ensureDependencies();
console.log('Building api, worker and web app...');
nx(['run-many', '-t', 'build', '--projects=api,worker,web', '--output-style=static']);
const apiNodeFlags = createRequire(import.meta.url)('../apps/api/node-flags.cjs');
handOver(process.execPath, [...apiNodeFlags, join(ROOT, 'apps/api/dist/main.js')]);
