import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { KEYFRAME_EVERY_MS, KEYFRAME_EVERY_UPDATES } from '@mockboard/collab';
import { openDatabase } from '@mockboard/db';
import { createDatabase, deleteRedisKeys, dropDatabase, seededRandom, withPgClient } from '@mockboard/testing';
import { installExitHandlers, onCleanup, runBench } from '../../shared/cleanup';
import { startApi } from './api-process';
import { CpuWindow, type CpuShare } from './cpu-usage';
import { keyframeIndex, keyframesDigest, timedJobBody, type BuildTiming } from './measure-build';
import { edgeMoments, httpSource, httpViewSource, randomMoments, repositorySource, timeSeeks, verifyMoments, type Mismatch, type SeekRun } from './measure-seek';
import { parseOptions } from './options';
import { profiled } from './profile';
import { PROFILED_SEEKS, printBuilds, printCpu, printSeeks, printSizes, printVerdicts, printVerification, type FloorVerdict } from './report';
import { resetRecording, seedSession, storedSizes } from './seed';
import { syntheticSession } from './synthetic-session';
import { awaitWorkerBuild, type WorkerRun } from './worker-run';

const BENCH = 'recording-bench';
const PG_SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const BUILD_LIMIT_MS = 10_000;
export const SEEK_P99_LIMIT_MS = 50;
const SEEK_WARMUP = 20;
const OVERHEAD_SAMPLES = 300;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  installExitHandlers(BENCH, options.timeoutSeconds);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const machine = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`;
  console.log(`${BENCH} ${runId}: ${options.updates} updates over ${options.minutes} min, seed ${options.seed}; ${machine()}`);
  console.log(`keyframes every ${KEYFRAME_EVERY_UPDATES} updates or ${KEYFRAME_EVERY_MS / 1000} s of session time`);
  const figures: Record<string, unknown> = { runId, options, loadBefore: loadavg() };

  // The session: generated in memory first (setup, not measured), then written straight into the tables.
  let t0 = performance.now();
  const session = syntheticSession(seededRandom(options.seed), options.updates, options.minutes);
  const generateMs = performance.now() - t0;
  const dbName = `mb_recbench_${runId}`;
  onCleanup(`drop database ${dbName}`, () => dropDatabase(PG_SERVER_URL, dbName));
  const databaseUrl = await createDatabase(PG_SERVER_URL, dbName);
  const database = await openDatabase({ url: databaseUrl, dataDir: '.data/unused', poolSize: 4 });
  onCleanup('close the bench pool', () => database.close());
  t0 = performance.now();
  await database.migrate();
  const migrateMs = performance.now() - t0;
  const seeded = await seedSession(databaseUrl, session);
  const { sessionId } = seeded;
  const logBytes = session.updates.reduce((sum, u) => sum + u.update.byteLength, 0);
  console.log(
    `setup: generated ${session.updates.length} updates (${(logBytes / 1e6).toFixed(1)} MB, ${session.elementsCreated} elements created, ` +
      `${session.notesUpdates} notes keystrokes) in ${ms(generateMs)}; database ${dbName} migrated in ${ms(migrateMs)}, log written in ${ms(seeded.insertMs)}`,
  );

  // (1) Build: the job body in this process, `builds` times from scratch.
  const builds: BuildTiming[] = [];
  for (let i = 0; i < options.builds; i++) {
    await resetRecording(databaseUrl, sessionId);
    builds.push(await timedJobBody(database, sessionId));
  }
  let profile: Awaited<ReturnType<typeof profiled>> | undefined;
  if (options.profile) {
    await resetRecording(databaseUrl, sessionId);
    profile = await profiled(() => timedJobBody(database, sessionId), options.profileOut);
  }
  const ourDigest = await keyframesDigest(database, sessionId);
  const keyframes = await keyframeIndex(database, sessionId);

  // (2) Size, as stored.
  const sizes = await storedSizes(databaseUrl, sessionId);

  // (3a) Correctness and seeks through the repository, in this process.
  const random = seededRandom(options.seed + 1);
  const moments = randomMoments(random, options.seeks, session.durationMs);
  const warmup = randomMoments(random, SEEK_WARMUP, session.durationMs);
  const checked = [...edgeMoments(session.durationMs, keyframes.map((k) => k.atMs), 20), ...moments.slice(0, options.verify)];
  const repository = repositorySource(database, sessionId);
  const repositoryMismatches = await verifyMoments(repository, session.updates, checked);
  const repositoryWindow = new CpuWindow(new Map([['bench', process.pid]]));
  const repositorySeeks = await timeSeeks(repository, moments, warmup);
  const repositoryCpu = repositoryWindow.stop();
  const seekProfile = options.profile ? await profiled(() => timeSeeks(repository, moments.slice(0, PROFILED_SEEKS), []), undefined) : undefined;

  // (1b, 3b) The real job through BullMQ and the api's embedded worker, then the HTTP route.
  let worker: WorkerRun | undefined;
  let workerDigest: string | undefined;
  let httpSeeks: SeekRun | undefined;
  let httpMismatches: Mismatch[] | undefined;
  let routeOverhead: SeekRun | undefined;
  let seekCpu: CpuShare[] | undefined;
  if (options.api) {
    const prefix = `mb-recbench-${runId}`;
    onCleanup(`delete Redis keys ${prefix}*`, () => deleteRedisKeys(REDIS_URL, prefix));
    await resetRecording(databaseUrl, sessionId);
    const since = Date.now();
    console.log('starting the api with its embedded worker; its start-up sweep enqueues the recording ...');
    const api = await startApi(databaseUrl, REDIS_URL, prefix);
    worker = await awaitWorkerBuild(databaseUrl, REDIS_URL, prefix, sessionId, since, 120_000);
    workerDigest = await keyframesDigest(database, sessionId);
    const token = await observerToken(api.url, databaseUrl, sessionId);
    const http = httpSource(api.url, sessionId, token);
    httpMismatches = await verifyMoments(http, session.updates, checked);
    const window = new CpuWindow(new Map([['api', api.pid ?? -1], ['bench', process.pid]]));
    httpSeeks = await timeSeeks(http, moments, warmup);
    seekCpu = window.stop();
    routeOverhead = await timeSeeks(httpViewSource(api.url, sessionId, token), moments.slice(0, OVERHEAD_SAMPLES), warmup);
    await api.stop();
  }
  figures.loadAfter = loadavg();
  console.log(`\nmachine after the run: ${machine()}`);

  // Report.
  const indexed = builds[builds.length - 1]?.updates ?? 0;
  const buildVerdict = printBuilds(builds, worker, BUILD_LIMIT_MS, profile);
  if (workerDigest !== undefined) console.log(`stored keyframes: in-process build ${ourDigest}; worker's build ${workerDigest}${workerDigest === ourDigest ? ' (identical)' : ' (DIFFERENT)'}`);
  printSizes(sizes, keyframes);
  printVerification(checked.length, repositoryMismatches, httpMismatches, indexed, options.updates);
  const seekVerdict = printSeeks(repositorySeeks, httpSeeks, keyframes, session.updates, moments, SEEK_P99_LIMIT_MS, seekProfile, routeOverhead);
  printCpu('CPU during the in-process seeks', repositoryCpu);
  if (seekCpu) printCpu('CPU during the HTTP seeks', seekCpu);
  const correct: FloorVerdict = {
    floor: 'correctness: every checked moment equals the log replayed up to it; every update indexed; worker stored what we did',
    pass: repositoryMismatches.length === 0 && (httpMismatches?.length ?? 0) === 0 && indexed === options.updates && (workerDigest === undefined || workerDigest === ourDigest),
    reasons: [],
  };
  const verdicts = [buildVerdict, seekVerdict, correct];
  printVerdicts(verdicts);
  Object.assign(figures, { generateMs, sizes, builds, worker, ourDigest, workerDigest, keyframes: keyframes.length, profile, seekProfile, verdicts });
  Object.assign(figures, { repositorySeeks: summary(repositorySeeks), httpSeeks: httpSeeks && summary(httpSeeks), routeOverhead: routeOverhead && summary(routeOverhead), repositoryCpu, seekCpu });
  if (options.jsonOut) writeFileSync(options.jsonOut, `${JSON.stringify(figures, null, 2)}\n`);
  return verdicts.every((v) => v.pass) ? 0 : 1;
}

/** A guest from the real auth route, seated as an observer: observers may watch a recording (rule V4). */
async function observerToken(url: string, databaseUrl: string, sessionId: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: 'Bench Reviewer' }),
  });
  if (!response.ok) throw new Error(`POST /api/auth/guest answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { token: string; user: { id: string } };
  await withPgClient(databaseUrl, (client) =>
    client.query(`insert into session_participants (session_id, user_id, role) values ($1, $2, 'observer')`, [sessionId, body.user.id]),
  );
  return body.token;
}

const summary = (run: SeekRun): Record<string, number> => {
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { count: sorted.length, p50: at(50), p99: at(99), max: at(100), meanBytes: run.bytes.reduce((a, b) => a + b, 0) / run.bytes.length };
};
const ms = (v: number): string => `${Math.round(v).toLocaleString('en-US')} ms`;

runBench(BENCH, main);
