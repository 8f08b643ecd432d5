import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU is reported like `top`: percent of one core, so 200 % is both cores of this machine. */
export interface UsageSummary {
  label: string;
  avgCpu: number;
  peakCpu: number;
  /** Highest sampled RSS, in MiB; 0 for the machine. */
  peakRssMiB: number;
  samples: number;
}

interface Interval {
  end: number;
  seconds: number;
  cpu: Map<string, number>;
  rssKb: Map<string, number>;
}

const CLOCK_TICKS = clockTicks();

/**
 * Samples /proc every `intervalMs`: named processes (the server, the generators), process groups found by
 * name (all `postgres` processes), and the machine as a whole from /proc/stat, so a report can say where
 * the CPU went.
 */
export class ProcSampler {
  private readonly targets = new Map<string, number>();
  private readonly groups: Array<{ label: string; comm: string }> = [];
  private readonly lastTicks = new Map<string, number>();
  private lastMachine: { busy: number; total: number } | undefined;
  private lastAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly intervals: Interval[] = [];

  constructor(private readonly intervalMs = 500) {}

  addTarget(label: string, pid: number): void {
    this.targets.set(label, pid);
  }

  addGroup(label: string, comm: string): void {
    this.groups.push({ label, comm });
  }

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
  }

  /** Average and peak CPU, and peak RSS, of intervals that ended within [from, to] (epoch ms). */
  summary(from: number, to: number): UsageSummary[] {
    const window = this.intervals.filter((i) => i.end > from && i.end <= to + this.intervalMs);
    const labels = new Set<string>();
    for (const interval of window) for (const label of interval.cpu.keys()) labels.add(label);
    const totalSeconds = window.reduce((sum, i) => sum + i.seconds, 0);
    return [...labels].map((label) => {
      let cpuSeconds = 0;
      let peakCpu = 0;
      let peakRssKb = 0;
      for (const interval of window) {
        const pct = interval.cpu.get(label) ?? 0;
        cpuSeconds += (pct / 100) * interval.seconds;
        peakCpu = Math.max(peakCpu, pct);
        peakRssKb = Math.max(peakRssKb, interval.rssKb.get(label) ?? 0);
      }
      return {
        label,
        avgCpu: totalSeconds > 0 ? (cpuSeconds / totalSeconds) * 100 : 0,
        peakCpu,
        peakRssMiB: peakRssKb / 1024,
        samples: window.length,
      };
    });
  }

  /** Highest RSS the kernel recorded for a process (VmHWM), in MiB. */
  static peakRssEverMiB(pid: number): number | undefined {
    const hwm = readStatusKb(pid, 'VmHWM');
    return hwm === undefined ? undefined : hwm / 1024;
  }

  private sample(): void {
    const now = Date.now();
    const seconds = (now - this.lastAt) / 1000;
    const first = this.lastAt === 0;
    this.lastAt = now;
    const cpu = new Map<string, number>();
    const rssKb = new Map<string, number>();
    const account = (label: string, key: string, pid: number): void => {
      const ticks = readCpuTicks(pid);
      if (ticks === undefined) return;
      const previous = this.lastTicks.get(key);
      this.lastTicks.set(key, ticks);
      // A process seen for the first time has no baseline: its CPU counts from the next interval.
      const pct = previous === undefined || seconds <= 0 ? 0 : ((ticks - previous) / CLOCK_TICKS / seconds) * 100;
      cpu.set(label, (cpu.get(label) ?? 0) + pct);
      rssKb.set(label, (rssKb.get(label) ?? 0) + (readStatusKb(pid, 'VmRSS') ?? 0));
    };
    for (const [label, pid] of this.targets) account(label, `pid:${pid}`, pid);
    if (this.groups.length > 0) {
      for (const pid of listPids()) {
        const comm = readComm(pid);
        const group = this.groups.find((g) => g.comm === comm);
        if (group) account(group.label, `pid:${pid}`, pid);
      }
    }
    const machine = readMachine();
    if (machine && this.lastMachine && machine.total > this.lastMachine.total) {
      const cores = machine.cores;
      cpu.set('machine', ((machine.busy - this.lastMachine.busy) / (machine.total - this.lastMachine.total)) * 100 * cores);
    }
    if (machine) this.lastMachine = machine;
    if (!first) this.intervals.push({ end: now, seconds, cpu, rssKb });
  }
}

function readCpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function readStatusKb(pid: number, field: string): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function readComm(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function listPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

function readMachine(): { busy: number; total: number; cores: number } | undefined {
  try {
    const stat = readFileSync('/proc/stat', 'utf8');
    const lines = stat.split('\n');
    const values = (lines[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    const cores = lines.filter((l) => /^cpu\d+ /.test(l)).length;
    return { busy: total - idle, total, cores };
  } catch {
    return undefined;
  }
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}
