import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { onCleanup, withTimeout } from '../../shared/cleanup';
import { summarise, type LatencySummary } from '../../shared/stats';
import type { FromGenerator, GeneratorResult, ToGenerator } from './fanout-messages';
import type { BenchOptions } from './options';
import type { ProcSampler, UsageSummary } from './proc-sampler';
import type { ServerHandle } from './server-process';
import { createRooms, type BenchRoom } from './setup';
import { concatSamples, p99BySecond } from './stats';
import { freshClientCheck, loggedCounts, waitForStoredRooms, type FreshCheckResult } from './verify';

const DRAIN_TIMEOUT_MS = 15_000;
const START_DELAY_MS = 1_000;

/** The generators' counters, summed over every generator process. */
type SummedCounters = Pick<
  GeneratorResult,
  'sent' | 'acked' | 'ackFailures' | 'roomErrors' | 'deliveries' | 'expectedDeliveries' | 'disconnects' | 'pendingAcksAtEnd' | 'drainMs'
>;

export interface FanoutReport extends SummedCounters {
  rooms: number;
  clientsPerRoom: number;
  writersPerRoom: number;
  observersPerRoom: number;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  generators: number;
  generatorNice: number;
  setupMs: number;
  connectMs: number;
  throughput: { sentPerSec: number; ackedPerSec: number; deliveriesPerSec: number };
  fanout: LatencySummary;
  fanoutFromDue: LatencySummary;
  fanoutP99BySecond: number[];
  ack: LatencySummary;
  warmup: { fanout: LatencySummary; ack: LatencySummary };
  sendLag: LatencySummary;
  /** Sent keys missing from another client's doc of the same room. */
  lostAtClients: number;
  /** Sent updates with no row in doc_updates; undefined without database access. */
  lostInLog: number | undefined;
  extraLogRows: number | undefined;
  /** Sent keys missing from a fresh client loading the room after the run. */
  lostAtFreshClient: number;
  freshLoadedFromDatabase: boolean;
  roomsConverged: number;
  roomsMatchingFresh: number;
  freshErrors: string[];
  usage: UsageSummary[];
  /** The edit phase on CLOCK_MONOTONIC in microseconds, the clock of V8 CPU profiles. */
  editWindowMonotonicUs: [number, number];
  serverPeakRssEverMiB: number | undefined;
}

/** Floor (1): R rooms x C clients editing at E/s for T s, every edit accounted for. */
export async function runFanout(server: ServerHandle, options: BenchOptions, sampler: ProcSampler): Promise<FanoutReport> {
  const setupStart = Date.now();
  console.log(`fan-out: creating ${options.rooms} sessions with ${options.clients} accounts each ...`);
  const rooms = await createRooms(server.url, options.rooms, options.clients);
  const setupMs = Date.now() - setupStart;

  const generatorCount = Math.min(options.workers, rooms.length);
  const generators = Array.from({ length: generatorCount }, (_, i) => startGenerator(i, sampler, options.generatorCpuProf));
  const share = (i: number): BenchRoom[] => rooms.filter((_, r) => r % generatorCount === i);
  console.log(`fan-out: connecting ${rooms.length * options.clients} clients from ${generatorCount} generator process(es) at nice ${options.generatorNice} ...`);
  const ready = await withTimeout(
    Promise.all(
      generators.map((g, i) => {
        g.post({
          type: 'setup',
          url: server.url,
          rooms: share(i),
          rate: options.rate,
          warmupSeconds: options.warmup,
          seconds: options.seconds,
          generatorIndex: i,
          generatorCount,
          nice: options.generatorNice,
          drainTimeoutMs: DRAIN_TIMEOUT_MS,
        });
        return g.next('ready');
      }),
    ),
    180_000,
    'clients to connect',
  );
  const connectMs = Math.max(...ready.map((r) => r.connectMs));

  const startAt = Date.now() + START_DELAY_MS;
  const windowStart = startAt + options.warmup * 1000;
  const windowMonotonicUs = Number(process.hrtime.bigint() / 1000n) + (START_DELAY_MS + options.warmup * 1000) * 1000;
  console.log(`fan-out: editing for ${options.warmup} s of warm-up, then the measured ${options.seconds} s ...`);
  const results = await withTimeout(
    Promise.all(
      generators.map((g) => {
        g.post({ type: 'go', startAt });
        return g.next('result').then((m) => m.result);
      }),
    ),
    START_DELAY_MS + (options.warmup + options.seconds) * 1000 * 3 + DRAIN_TIMEOUT_MS + 60_000,
    'the edit phase',
  );
  const usage = sampler.summary(windowStart, windowStart + options.seconds * 1000);
  await Promise.all(generators.map((g) => g.close()));

  console.log('fan-out: verifying against the persisted log and fresh clients ...');
  const verification = await verify(server, rooms, results);
  return {
    rooms: rooms.length,
    clientsPerRoom: options.clients,
    writersPerRoom: Math.min(2, options.clients),
    observersPerRoom: Math.max(0, options.clients - 2),
    rate: options.rate,
    seconds: options.seconds,
    warmupSeconds: options.warmup,
    generators: generatorCount,
    generatorNice: options.generatorNice,
    setupMs,
    connectMs,
    ...aggregate(results, options.seconds),
    ...verification,
    usage,
    editWindowMonotonicUs: [windowMonotonicUs, windowMonotonicUs + options.seconds * 1_000_000],
    serverPeakRssEverMiB: undefined,
  };
}

function aggregate(results: GeneratorResult[], seconds: number) {
  const sum = (pick: (r: GeneratorResult) => number): number => results.reduce((n, r) => n + pick(r), 0);
  const merge = (pick: (r: GeneratorResult) => Record<string, number>): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(pick(r))) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    sent: sum((r) => r.sent),
    acked: sum((r) => r.acked),
    ackFailures: merge((r) => r.ackFailures),
    roomErrors: merge((r) => r.roomErrors),
    deliveries: sum((r) => r.deliveries),
    expectedDeliveries: sum((r) => r.expectedDeliveries),
    throughput: {
      sentPerSec: sum((r) => r.sentInWindow) / seconds,
      ackedPerSec: sum((r) => r.ackedInWindow) / seconds,
      deliveriesPerSec: sum((r) => r.deliveriesInWindow) / seconds,
    },
    fanout: summarise(concatSamples(results.map((r) => r.measured.fanoutMs))),
    fanoutFromDue: summarise(concatSamples(results.map((r) => r.measured.fanoutFromDueMs))),
    fanoutP99BySecond: p99BySecond(
      concatSamples(results.map((r) => r.measured.fanoutMs)),
      concatSamples(results.map((r) => r.measured.fanoutAtMs)),
      seconds,
    ),
    ack: summarise(concatSamples(results.map((r) => r.measured.ackMs))),
    warmup: {
      fanout: summarise(concatSamples(results.map((r) => r.warmup.fanoutMs))),
      ack: summarise(concatSamples(results.map((r) => r.warmup.ackMs))),
    },
    sendLag: summarise(concatSamples(results.map((r) => r.sendLagMs))),
    disconnects: sum((r) => r.disconnects),
    pendingAcksAtEnd: sum((r) => r.pendingAcksAtEnd),
    drainMs: Math.max(...results.map((r) => r.drainMs)),
    lostAtClients: sum((r) => r.rooms.reduce((n, room) => n + room.missing, 0)),
    roomsConverged: sum((r) => r.rooms.filter((room) => room.converged).length),
  };
}

async function verify(server: ServerHandle, rooms: BenchRoom[], results: GeneratorResult[]) {
  const outcomes = new Map(results.flatMap((r) => r.rooms).map((o) => [o.sessionId, o]));
  const sessionIds = rooms.map((r) => r.sessionId);
  let lostInLog: number | undefined;
  let extraLogRows: number | undefined;
  let freshLoadedFromDatabase = false;
  if (server.databaseUrl) {
    // With a known grace, wait until every room is stored and unloaded: the fresh clients then load from
    // the snapshot and log, which checks persistence by content, not only by row count.
    if (server.unloadGraceMs !== undefined && server.unloadGraceMs <= 5_000) {
      freshLoadedFromDatabase = await waitForStoredRooms(server.databaseUrl, sessionIds, server.unloadGraceMs, 60_000);
    }
    const counts = await loggedCounts(server.databaseUrl, sessionIds);
    lostInLog = 0;
    extraLogRows = 0;
    for (const sessionId of sessionIds) {
      const sent = (outcomes.get(sessionId)?.sentPerWriter ?? []).reduce((a, b) => a + b, 0);
      const rows = counts.get(sessionId)?.rows ?? 0;
      lostInLog += Math.max(0, sent - rows);
      extraLogRows += Math.max(0, rows - sent);
    }
  }
  const fresh: FreshCheckResult[] = await freshClientCheck(
    server.url,
    rooms.map((room) => {
      const outcome = outcomes.get(room.sessionId);
      return {
        sessionId: room.sessionId,
        token: room.clients[0]?.token ?? '',
        sentPerWriter: outcome?.sentPerWriter ?? [],
        digest: outcome?.digest ?? '',
      };
    }),
  );
  return {
    lostInLog,
    extraLogRows,
    lostAtFreshClient: fresh.reduce((n, f) => n + f.missing, 0),
    freshLoadedFromDatabase,
    roomsMatchingFresh: fresh.filter((f) => f.matches && (outcomes.get(f.sessionId)?.converged ?? false)).length,
    freshErrors: fresh.flatMap((f) => (f.error ? [`${f.sessionId}: ${f.error}`] : [])).slice(0, 5),
  };
}

interface Generator {
  child: ChildProcess;
  post(message: ToGenerator): void;
  next<T extends FromGenerator['type']>(type: T): Promise<Extract<FromGenerator, { type: T }>>;
  close(): Promise<void>;
}

/**
 * Each generator keeps a thousand documents' worth of short-lived garbage per second; V8's default young
 * generation made them spend a fifth of their time in scavenges, CPU the server then lacked.
 */
const GENERATOR_NODE_FLAGS = ['--max-semi-space-size=64'];

/** A forked generator process; a failure or early exit rejects whatever the bench is waiting for. */
function startGenerator(index: number, sampler: ProcSampler, cpuProfDir: string | undefined): Generator {
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(cpuProfDir)}`] : [];
  const child = fork(resolve(__dirname, 'fanout-generator.js'), [], {
    serialization: 'advanced',
    stdio: 'inherit',
    execArgv: [...GENERATOR_NODE_FLAGS, ...profile],
  });
  if (child.pid) sampler.addTarget(`generator-${index}`, child.pid);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  onCleanup(`stop generator ${index}`, async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const waiting = new Map<string, { resolve: (m: FromGenerator) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error): void => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  child.on('message', (message: FromGenerator) => {
    if (message.type === 'failed') return failAll(new Error(`generator ${index} failed: ${message.error}`));
    waiting.get(message.type)?.resolve(message);
    waiting.delete(message.type);
  });
  child.once('exit', (code) => failAll(new Error(`generator ${index} exited with code ${code}`)));
  return {
    child,
    post: (message) => child.send(message),
    next: <T extends FromGenerator['type']>(type: T) =>
      new Promise<Extract<FromGenerator, { type: T }>>((resolveNext, reject) => {
        waiting.set(type, { resolve: (m) => resolveNext(m as Extract<FromGenerator, { type: T }>), reject });
      }),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'close' } satisfies ToGenerator);
      await withTimeout(exited, 15_000, `generator ${index} to exit`).catch(() => child.kill('SIGKILL'));
    },
  };
}
