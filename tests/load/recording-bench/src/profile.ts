import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileShare {
  name: string;
  pct: number;
}

/** A V8 CPU profile of this process while `run` runs (node:inspector), written to `file` if given. */
export async function profiled<T>(run: () => Promise<T>, file: string | undefined): Promise<{ result: T; byFunction: ProfileShare[]; byPackage: ProfileShare[] }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let result: T;
  let profile: CpuProfile;
  try {
    result = await run();
  } finally {
    ({ profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile });
    session.disconnect();
  }
  if (file) writeFileSync(file, JSON.stringify(profile));
  return { result, ...selfTime(profile) };
}

/** Self time per function and per package (node_modules/<name>, libs/<name>, node internals, idle). */
function selfTime(profile: CpuProfile): { byFunction: ProfileShare[]; byPackage: ProfileShare[] } {
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = [...hits.values()].reduce((a, b) => a + b, 0) || 1;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = packageOf(url, functionName);
    const name = `${functionName || '(anonymous)'} ${pkg}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + count);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
  }
  const top = (m: Map<string, number>, n: number): ProfileShare[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, count]) => ({ name, pct: (100 * count) / total }));
  return { byFunction: top(byFunction, 20), byPackage: top(byPackage, 10) };
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] as string;
  const lib = /\/(libs|apps|tests\/load)\/([^/]+)/.exec(url);
  if (lib) return `${lib[1]}/${lib[2]}`;
  return url.startsWith('node:') ? 'node' : url;
}
