import { median, summarise, type LatencySummary } from '../../shared/stats';
import type { BuildTiming } from './measure-build';
import type { Mismatch, SeekRun } from './measure-seek';
import type { ProfileShare } from './profile';
import type { StoredSizes } from './seed';
import type { SyntheticUpdate } from './synthetic-session';
import type { WorkerRun } from './worker-run';

export interface FloorVerdict {
  floor: string;
  pass: boolean;
  reasons: string[];
}

/** Seeks run again under the profiler, after the timed ones. */
export const PROFILED_SEEKS = 300;

const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(v < 100 ? 1 : 0)} ms` : 'n/a');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const int = (v: number): string => Math.round(v).toLocaleString('en-US');
const pad = (rows: string[][]): string => {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()).join('\n');
};
const latencyRow = (name: string, l: LatencySummary): string[] => [name, ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max), ms(l.mean), int(l.count)];

export interface ProfileSummary {
  byFunction: ProfileShare[];
  byPackage: ProfileShare[];
}

export function printProfile(title: string, profile: ProfileSummary): void {
  console.log(`${title}, self time by package:`);
  console.log(`   ${profile.byPackage.map((p) => `${p.name} ${p.pct.toFixed(1)} %`).join(', ')}`);
  console.log('   top functions (self time):');
  for (const f of profile.byFunction) console.log(`   ${f.pct.toFixed(1).padStart(5)} %  ${f.name}`);
}

export function printBuilds(builds: BuildTiming[], worker: WorkerRun | undefined, limitMs: number, profile?: ProfileSummary): FloorVerdict {
  const first = builds[0];
  console.log(`\n== Build: the recording job's body (status, inputs, buildRecording with progress, save) ==`);
  if (first) console.log(`   ${int(first.updates)} updates indexed, ${first.keyframes} keyframes`);
  console.log(
    pad([
      ['run', 'total', 'inputs (read log)', 'buildRecording', 'of which progress writes', 'save', 'set status'],
      ...builds.map((b, i) => [`in-process ${i + 1}`, ms(b.totalMs), ms(b.inputsMs), ms(b.buildMs), ms(b.progressMs), ms(b.saveMs), ms(b.setStatusMs)]),
    ]),
  );
  const medianMs = median(builds.map((b) => b.totalMs));
  console.log(`median of the in-process runs: ${ms(medianMs)}`);
  if (worker) {
    console.log(
      `real job (api's embedded worker, BullMQ): processing ${ms(worker.processingMs)} (job taken -> finished), ` +
        `added -> finished ${ms(worker.addedToFinishedMs)}, reset -> row ready ${ms(worker.observedMs)} (api start-up included); result ${JSON.stringify(worker.result)}`,
    );
  }
  if (profile) printProfile('profile of one more in-process build', profile);
  const reasons: string[] = [];
  if (!(medianMs < limitMs)) reasons.push(`in-process median ${ms(medianMs)} >= ${ms(limitMs)}`);
  if (worker && !(worker.processingMs < limitMs)) reasons.push(`worker job ${ms(worker.processingMs)} >= ${ms(limitMs)}`);
  return { floor: `build < ${limitMs / 1000} s (median in-process job body${worker ? ', and the real worker job' : ''})`, pass: reasons.length === 0, reasons };
}

export function printSizes(s: StoredSizes, keyframes: ReadonlyArray<{ bytes: number }>): void {
  const recordingTables = s.keyframeTableBytes + s.indexTableBytes;
  const recordingPayload = s.keyframePayloadBytes + s.indexRows * 16;
  console.log(`\n== Size, as stored (after VACUUM FULL; relation sizes include TOAST and indexes) ==`);
  console.log(
    pad([
      ['', 'payload (octet_length)', 'on disk (pg_total_relation_size)', 'rows'],
      ['raw log (doc_updates)', mb(s.logPayloadBytes), mb(s.logTableBytes), int(s.logRows)],
      ['keyframes (recording_keyframes)', mb(s.keyframePayloadBytes), mb(s.keyframeTableBytes), int(s.keyframes)],
      ['update index (recording_updates)', mb(s.indexRows * 16), mb(s.indexTableBytes), int(s.indexRows)],
      ['recording = keyframes + index', mb(recordingPayload), mb(recordingTables), ''],
      ['recordings row (steps, markers, stats)', `${int(s.recordingRowBytes)} B`, '', '1'],
    ]),
  );
  const sorted = keyframes.map((k) => k.bytes).sort((a, b) => a - b);
  console.log(
    `recording / raw log: ${(recordingPayload / s.logPayloadBytes).toFixed(2)}x payload, ${(recordingTables / s.logTableBytes).toFixed(2)}x on disk; ` +
      `keyframe size: first ${int(keyframes[0]?.bytes ?? 0)} B, median ${int(sorted[Math.floor(sorted.length / 2)] ?? 0)} B, largest ${int(s.largestKeyframeBytes)} B`,
  );
}

export function printVerification(checked: number, repository: Mismatch[], http: Mismatch[] | undefined, indexed: number, expected: number): void {
  console.log(`\n== Correctness ==`);
  console.log(`updates indexed: ${int(indexed)} of ${int(expected)} logged`);
  const line = (name: string, mismatches: Mismatch[]): string =>
    `${name}: ${checked - mismatches.length}/${checked} moments equal to the log replayed up to them` +
    (mismatches.length ? `; first mismatches: ${mismatches.slice(0, 3).map((m) => `at ${m.atMs}: ${m.why}`).join('; ')}` : '');
  console.log(line('RecordingsRepository.stateAt', repository));
  if (http) console.log(line('GET .../recording/state?at=', http));
}

export function printSeeks(
  repository: SeekRun,
  http: SeekRun | undefined,
  keyframes: ReadonlyArray<{ seq: number; atMs: number; bytes: number }>,
  updates: readonly SyntheticUpdate[],
  moments: readonly number[],
  limitMs: number,
  profile?: ProfileSummary,
  routeOverhead?: SeekRun,
): FloorVerdict {
  console.log(`\n== Seek: the document at ${moments.length} random moments, one request at a time ==`);
  const bytes = summarise(repository.bytes);
  console.log(
    pad([
      ['path', 'p50', 'p95', 'p99', 'max', 'mean', 'samples'],
      ...(http ? [latencyRow('GET /api/sessions/:id/recording/state?at= (HTTP)', summarise(http.latenciesMs))] : []),
      latencyRow('RecordingsRepository.stateAt (in-process)', summarise(repository.latenciesMs)),
      ...(routeOverhead ? [latencyRow('GET /api/sessions/:id/recording (same look-ups, no document)', summarise(routeOverhead.latenciesMs))] : []),
    ]),
  );
  console.log(`answer size: median ${int(bytes.p50)} B, max ${int(bytes.max)} B`);
  // Where seek time goes: how many log updates each moment replays after its keyframe.
  const tails = moments.map((at) => tailOf(at, keyframes, updates));
  const source = http ?? repository;
  const buckets = [0, 100, 200, 300, 400, 500];
  const rows = buckets.map((from, i) => {
    const to = buckets[i + 1] ?? Infinity;
    const picked = source.latenciesMs.filter((_, k) => (tails[k] ?? 0) >= from && (tails[k] ?? 0) < to);
    const l = summarise(picked);
    return [`${from}${to === Infinity ? '+' : `-${to - 1}`}`, int(l.count), ms(l.p50), ms(l.p99)];
  });
  console.log(`by tail length (updates merged after the keyframe), ${http ? 'HTTP' : 'in-process'}:`);
  console.log(pad([['tail', 'moments', 'p50', 'p99'], ...rows]));
  if (profile) printProfile(`profile of ${PROFILED_SEEKS} more in-process seeks (idle = waiting for Postgres)`, profile);
  const p99 = summarise(source.latenciesMs).p99;
  const reasons = p99 < limitMs ? [] : [`p99 ${ms(p99)} >= ${ms(limitMs)}`];
  return { floor: `seek p99 < ${limitMs} ms (${http ? 'through the HTTP route' : 'RecordingsRepository.stateAt, no api'})`, pass: reasons.length === 0, reasons };
}

/** Updates (seq = index + 1) with time <= at, after the latest keyframe at or before at. */
function tailOf(at: number, keyframes: ReadonlyArray<{ seq: number; atMs: number }>, updates: readonly SyntheticUpdate[]): number {
  let upTo = 0;
  for (let lo = 0, hi = updates.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if ((updates[mid] as SyntheticUpdate).atMs <= at) lo = upTo = mid + 1;
    else hi = mid;
  }
  let keyframeSeq = 0;
  for (const k of keyframes) if (k.atMs <= at) keyframeSeq = k.seq;
  return upTo - keyframeSeq;
}

export function printCpu(title: string, shares: ReadonlyArray<{ label: string; percent: number }>): void {
  if (shares.length === 0) return;
  console.log(`${title} (% of one core; 200 % = the whole machine): ${shares.map((s) => `${s.label} ${s.percent.toFixed(0)} %`).join(', ')}`);
}

export function printVerdicts(verdicts: FloorVerdict[]): void {
  console.log('\n== Floors ==');
  for (const v of verdicts) console.log(`${v.pass ? 'PASS' : 'FAIL'}  ${v.floor}${v.reasons.length ? `: ${v.reasons.join('; ')}` : ''}`);
}
