import { median, type LatencySummary } from '../../shared/stats';
import type { FanoutReport } from './fanout-scenario';
import type { LoadReport } from './load-scenario';
import type { BenchOptions } from './options';
import type { UsageSummary } from './proc-sampler';

export interface FloorVerdict {
  floor: string;
  pass: boolean;
  reasons: string[];
}

const FANOUT_P99_LIMIT_MS = 100;
const LOAD_LIMIT_MS = 100;
const FLOOR1 = { rooms: 500, clients: 2, rate: 10, seconds: 20 };

const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const int = (v: number): string => Math.round(v).toLocaleString('en-US');
const pad = (rows: string[][]): string => {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()).join('\n');
};
const latencyRow = (name: string, l: LatencySummary): string[] => [name, ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max), int(l.count)];

export function usageTable(usage: UsageSummary[]): string {
  const order = (label: string): number => (label === 'server' ? 0 : label.startsWith('generator') ? 1 : label === 'machine' ? 9 : 5);
  const rows = [...usage].sort((a, b) => order(a.label) - order(b.label) || a.label.localeCompare(b.label));
  const machine = usage.find((u) => u.label === 'machine');
  const sampled = usage.filter((u) => u.label !== 'machine').reduce((n, u) => n + u.avgCpu, 0);
  return pad([
    ['process', 'avg CPU', 'peak CPU', 'peak RSS'],
    ...rows.map((u) => [
      u.label === 'machine' ? 'machine (all processes)' : u.label,
      `${u.avgCpu.toFixed(0)} %`,
      `${u.peakCpu.toFixed(0)} %`,
      u.label === 'machine' ? '' : `${u.peakRssMiB.toFixed(0)} MiB`,
    ]),
    // Anything else on the machine (another test run, say) competes for the same two cores: worth seeing.
    ...(machine ? [['other processes (machine - above)', `${Math.max(0, machine.avgCpu - sampled).toFixed(0)} %`, '', '']] : []),
  ]);
}

export function printFanout(r: FanoutReport): FloorVerdict {
  const writers = r.rooms * r.writersPerRoom;
  console.log(`\n== Fan-out: ${r.rooms} rooms x ${r.clientsPerRoom} clients, ${r.rate} edits/s per writer, ${r.seconds} s ==`);
  if (r.observersPerRoom > 0) {
    console.log(`   ${r.writersPerRoom} writers per room (interviewer, candidate); ${r.observersPerRoom} observer(s) per room only read.`);
  }
  console.log(`   ${writers} writing clients, ${r.generators} generator process(es) at nice ${r.generatorNice}; setup ${int(r.setupMs)} ms, connect ${int(r.connectMs)} ms`);
  console.log(
    pad([
      ['throughput', 'per second', 'total'],
      ['updates sent', int(r.throughput.sentPerSec), int(r.sent)],
      ['updates acked', int(r.throughput.ackedPerSec), int(r.acked)],
      ['fan-out deliveries', int(r.throughput.deliveriesPerSec), `${int(r.deliveries)} of ${int(r.expectedDeliveries)} expected`],
    ]),
  );
  console.log(
    pad([
      ['latency', 'p50', 'p95', 'p99', 'max', 'samples'],
      latencyRow('fan-out (edit -> other client)', r.fanout),
      latencyRow('ack (edit -> commit ack)', r.ack),
      latencyRow('generator send lag', r.sendLag),
      latencyRow('fan-out from the schedule (lag included)', r.fanoutFromDue),
      latencyRow(`warm-up fan-out (first ${r.warmupSeconds} s, not above)`, r.warmup.fanout),
      latencyRow('warm-up ack', r.warmup.ack),
    ]),
  );
  console.log(`fan-out p99 by second of the measured window (ms): ${r.fanoutP99BySecond.map((v) => (Number.isNaN(v) ? '-' : int(v))).join(' ')}`);
  console.log(usageTable(r.usage));
  if (r.serverPeakRssEverMiB !== undefined) console.log(`server peak RSS over its whole life (VmHWM): ${r.serverPeakRssEverMiB.toFixed(0)} MiB`);
  const failures = Object.entries(r.ackFailures);
  const errors = Object.entries(r.roomErrors);
  console.log(
    [
      `lost updates: ${r.lostAtClients} missing at other clients, ` +
        `${r.lostInLog === undefined ? 'log not checked (no database access)' : `${r.lostInLog} missing from doc_updates (${r.extraLogRows} extra rows)`}, ` +
        `${r.lostAtFreshClient} missing at a fresh client (${r.freshLoadedFromDatabase ? 'loaded from the database after unload' : 'room may still be in server memory'})`,
      `rooms converged: ${r.roomsConverged}/${r.rooms} (clients equal), ${r.roomsMatchingFresh}/${r.rooms} (and equal to the fresh client)`,
      `refused acks: ${failures.length ? failures.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}; room errors: ${errors.length ? errors.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}; disconnects: ${r.disconnects}; after the ${int(r.drainMs)} ms drain: ${r.pendingAcksAtEnd} acks pending, ${int(r.expectedDeliveries - r.deliveries)} deliveries short`,
      ...r.freshErrors.map((e) => `fresh client error: ${e}`),
    ].join('\n'),
  );

  const reasons: string[] = [];
  const lost = r.lostAtClients + (r.lostInLog ?? 0) + r.lostAtFreshClient;
  if (lost > 0) reasons.push(`${lost} lost updates`);
  if (r.roomsConverged < r.rooms || r.roomsMatchingFresh < r.rooms) reasons.push(`${r.rooms - Math.min(r.roomsConverged, r.roomsMatchingFresh)} rooms did not converge`);
  if (!(r.fanout.p99 < FANOUT_P99_LIMIT_MS)) reasons.push(`fan-out p99 ${ms(r.fanout.p99)} >= ${FANOUT_P99_LIMIT_MS} ms`);
  if (failures.length > 0) reasons.push('some edits were refused');
  const atFloor = r.rooms === FLOOR1.rooms && r.clientsPerRoom === FLOOR1.clients && r.rate === FLOOR1.rate && r.seconds === FLOOR1.seconds;
  return {
    floor: `(1) ${FLOOR1.rooms} rooms x ${FLOOR1.clients} clients x ${FLOOR1.rate}/s x ${FLOOR1.seconds} s: no loss, converged, fan-out p99 < ${FANOUT_P99_LIMIT_MS} ms${atFloor ? '' : ` [run at ${r.rooms}x${r.clientsPerRoom}x${r.rate}/s x${r.seconds}s, not the floor's parameters]`}`,
    pass: reasons.length === 0,
    reasons,
  };
}

export function printLoad(r: LoadReport): FloorVerdict {
  console.log(`\n== Load: a room whose log holds ${int(r.updates)} updates ==`);
  console.log(
    `   pushed through ${r.writers} sockets in ${int(r.pushMs)} ms (${int((r.updates / r.pushMs) * 1000)} updates/s), ` +
      `ack p50 ${ms(r.pushAck.p50)} p99 ${ms(r.pushAck.p99)}, refused ${r.pushFailures}; ` +
      `rows in doc_updates: ${r.loggedRows ?? 'not checked'}`,
  );
  console.log(
    `   sizes: log ${r.logBytes === undefined ? 'n/a' : `${int(r.logBytes)} B`}, snapshot ${r.snapshotBytes === undefined ? 'n/a' : `${int(r.snapshotBytes)} B`}, ` +
      `document state ${int(r.docStateBytes)} B`,
  );
  console.log(
    pad([
      ['fresh client, connect -> whole doc', 'median', 'max', 'connect median', 'runs', 'equal doc', 'unload seen'],
      ...r.variants.map((v) => [
        `${v.name}${v.floor ? '' : ' (info)'}`,
        ms(v.median),
        ms(v.max),
        ms(median(v.connectMs)),
        String(v.syncMs.length),
        v.matches ? 'yes' : 'NO',
        v.unloadConfirmed === undefined ? '-' : v.unloadConfirmed ? 'yes' : 'NO',
      ]),
    ]),
  );
  console.log(`   samples (ms): ${r.variants.map((v) => `${v.name}: ${v.syncMs.map((x) => x.toFixed(1)).join(', ')}`).join(' | ')}`);
  console.log(`while pushing:\n${usageTable(r.usage)}`);
  console.log(`while measuring the loads:\n${usageTable(r.measureUsage)}`);

  const reasons: string[] = [];
  for (const v of r.variants.filter((x) => x.floor)) {
    if (!(v.median < LOAD_LIMIT_MS)) reasons.push(`${v.name}: median ${ms(v.median)} >= ${LOAD_LIMIT_MS} ms`);
    if (!v.matches) reasons.push(`${v.name}: the loaded doc differed`);
    if (v.unloadConfirmed === false) reasons.push(`${v.name}: the room was not seen unloading`);
  }
  if (r.loggedRows !== undefined && r.loggedRows !== r.updates) reasons.push(`${r.loggedRows} rows logged for ${r.updates} updates`);
  return { floor: `(2) loading a room of ${int(r.updates)} logged updates (snapshot + tail): median < ${LOAD_LIMIT_MS} ms`, pass: reasons.length === 0, reasons };
}

export function printVerdicts(verdicts: FloorVerdict[], options: BenchOptions): void {
  console.log('\n== Floors ==');
  for (const v of verdicts) console.log(`${v.pass ? 'PASS' : 'FAIL'}  ${v.floor}${v.reasons.length ? `\n      ${v.reasons.join('; ')}` : ''}`);
  console.log(`(mode ${options.mode}; CPU is percent of one core, this machine has 2)`);
}
