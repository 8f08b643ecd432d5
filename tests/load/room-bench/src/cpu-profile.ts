import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  ms: number;
  pct: number;
}

export interface ProfileSummary {
  file: string;
  /** Whether only the edit phase was counted. */
  windowed: boolean;
  windowMs: number;
  byPackage: ProfileShare[];
  byFunction: ProfileShare[];
  /** Inclusive time of the frames that answer "which part of the hot path", from the api and its libraries. */
  inclusive: ProfileShare[];
}

const INCLUSIVE_OF_INTEREST =
  /^(onYjs|handleSync|apply|inspectUpdate|append|flush|execute|query|broadcast|writeToEngine|sendFrame|writev|encodePacket|applyUpdate|decodeUpdate|toQuery|startActiveSpan|emit) /;

/** The newest `.cpuprofile` in a directory (node --cpu-prof names them by time and pid). */
export function newestProfile(dir: string): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/**
 * Where the server's CPU went, optionally only between two CLOCK_MONOTONIC instants in microseconds (V8
 * stamps samples with the same clock as process.hrtime), i.e. during the edit phase alone.
 */
export function summariseProfile(file: string, fromUs?: number, toUs?: number): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if ((fromUs !== undefined && at < fromUs) || (toUs !== undefined && at > toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = nodes.get(id);
    if (!node) continue;
    const pkg = packageOf(node);
    add(byPackage, pkg, us);
    add(byFunction, frameName(node), us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = nodes.get(cur);
      if (!frame) break;
      const name = frameName(frame);
      if (!seen.has(name) && INCLUSIVE_OF_INTEREST.test(name)) add(inclusive, name, us);
      seen.add(name);
    }
  }
  const top = (m: Map<string, number>, n: number): ProfileShare[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, pct: total > 0 ? (us / total) * 100 : 0 }));
  return { file, windowed: fromUs !== undefined, windowMs: total / 1000, byPackage: top(byPackage, 15), byFunction: top(byFunction, 15), inclusive: top(inclusive, 25) };
}

export function printProfile(summary: ProfileSummary): void {
  const rows = (shares: ProfileShare[]): string =>
    shares.map((s) => `  ${s.pct.toFixed(1).padStart(5)} %  ${s.ms.toFixed(0).padStart(6)} ms  ${s.name}`).join('\n');
  const span = summary.windowed ? 'of the edit phase' : 'over the whole run';
  console.log(`\n== Server CPU profile (${summary.file}): ${(summary.windowMs / 1000).toFixed(1)} s ${span} ==`);
  console.log(`self time by package:\n${rows(summary.byPackage)}`);
  console.log(`self time by function:\n${rows(summary.byFunction)}`);
  console.log(`inclusive time of hot-path frames:\n${rows(summary.inclusive)}`);
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function packageOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName || '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  const own = /\/(apps|libs)\/(.+?)\/(?:dist|src)\/(.+?)\.js$/.exec(url);
  if (own) return `${own[1]}/${own[2]}: ${own[3]}`;
  return url.startsWith('node:') ? url : url.replace(/^.*\//, '');
}

function frameName(node: ProfileNode): string {
  const { functionName, lineNumber, url } = node.callFrame;
  if (!url) return functionName || '(native)';
  return `${functionName || '(anonymous)'} ${packageOf(node)}:${lineNumber + 1}`;
}
