import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { installExitHandlers, runBench } from '../../shared/cleanup';
import { newestProfile, printProfile, summariseProfile, type ProfileSummary } from './cpu-profile';
import { runFanout } from './fanout-scenario';
import { runLoad, SNAPSHOT_EVERY } from './load-scenario';
import { parseOptions, type BenchOptions } from './options';
import { ProcSampler } from './proc-sampler';
import { printFanout, printLoad, printVerdicts, type FloorVerdict } from './report';
import { externalServer, startOwnServer, type ServerHandle } from './server-process';

const BENCH = 'room-bench';

/** Short enough that the load mode can watch a room unload between two measurements. */
const UNLOAD_GRACE_MS = '200';

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  installExitHandlers(BENCH, options.timeoutSeconds);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  console.log(`${BENCH} ${runId}: mode ${options.mode}, hard timeout ${options.timeoutSeconds} s`);
  const verdicts: FloorVerdict[] = [];
  const figures: Record<string, unknown> = { runId, options };

  if (options.mode === 'fanout' || options.mode === 'all') {
    const server = await serverFor(options, `${runId}_f`, 'warn', {});
    const sampler = samplerFor(server);
    const report = await runFanout(server, options, sampler);
    sampler.stop();
    if (server.pid) report.serverPeakRssEverMiB = ProcSampler.peakRssEverMiB(server.pid);
    await server.stop();
    verdicts.push(printFanout(report));
    figures.fanout = report;
    figures.fanoutServerProfile = profileOf(options, report.editWindowMonotonicUs);
  }
  if (options.mode === 'load' || options.mode === 'all') {
    // Debug level only adds the registry's "Unloaded room" line, which is how unloads are confirmed.
    const server = await serverFor(options, `${runId}_l`, 'debug', { ROOM_SNAPSHOT_EVERY: String(SNAPSHOT_EVERY) });
    const sampler = samplerFor(server);
    const report = await runLoad(server, options, sampler);
    sampler.stop();
    await server.stop();
    verdicts.push(printLoad(report));
    figures.load = report;
    figures.loadServerProfile = profileOf(options);
  }
  printVerdicts(verdicts, options);
  figures.verdicts = verdicts;
  if (options.jsonOut) writeFileSync(options.jsonOut, `${JSON.stringify(figures, null, 2)}\n`);
  return verdicts.every((v) => v.pass) ? 0 : 1;
}

async function serverFor(
  options: BenchOptions,
  id: string,
  logLevel: 'warn' | 'debug',
  roomEnv: Record<string, string>,
): Promise<ServerHandle> {
  if (options.url) return externalServer(options.url, options.pid, options.databaseUrl);
  console.log(`starting the api (database mb_bench_${id}) ...`);
  return startOwnServer({ id, logLevel, roomEnv: { ROOM_UNLOAD_GRACE_MS: UNLOAD_GRACE_MS, ...roomEnv }, cpuProfDir: options.serverCpuProf });
}

/** With --server-cpu-prof, the profile the server wrote as it stopped, summarised (and printed). */
function profileOf(options: BenchOptions, window?: [number, number]): ProfileSummary | undefined {
  if (!options.serverCpuProf) return undefined;
  const file = newestProfile(options.serverCpuProf);
  if (!file) {
    console.error(`no .cpuprofile found in ${options.serverCpuProf}`);
    return undefined;
  }
  const summary = summariseProfile(file, window?.[0], window?.[1]);
  printProfile(summary);
  return summary;
}

function samplerFor(server: ServerHandle): ProcSampler {
  const sampler = new ProcSampler(500);
  if (server.pid) sampler.addTarget('server', server.pid);
  sampler.addTarget('bench (main process)', process.pid);
  sampler.addGroup('postgres (all)', 'postgres');
  sampler.addGroup('redis', 'redis-server');
  sampler.start();
  return sampler;
}

runBench(BENCH, main);
