import { readdirSync, readFileSync } from 'node:fs';

/** CPU time so far, in clock ticks (USER_HZ, 100 on Linux): the whole machine, and named processes. */
interface Reading {
  atMs: number;
  machineBusy: number;
  byLabel: Map<string, number>;
  /** Per process: postgres backends come and go (other sessions' tests), so they are counted one by one. */
  postgres: Map<number, number>;
}

export interface CpuShare {
  label: string;
  /** Percent of one core over the window: 200 % is both cores of this machine. */
  percent: number;
}

const TICKS_PER_SECOND = 100;

/**
 * Where the machine's CPU went during a phase, from /proc: the api, this bench, all `postgres` processes,
 * and everything else (other sessions' tests on this shared machine), so a disturbed figure can be told
 * from a slow one. Linux only; elsewhere it reports nothing.
 */
export class CpuWindow {
  private readonly start: Reading | undefined;

  constructor(private readonly pids: ReadonlyMap<string, number>) {
    this.start = this.read();
  }

  stop(): CpuShare[] {
    const end = this.read();
    if (!this.start || !end) return [];
    const seconds = (end.atMs - this.start.atMs) / 1000;
    const percent = (ticks: number): number => (100 * ticks) / TICKS_PER_SECOND / seconds;
    const shares = [...end.byLabel].map(([label, ticks]) => ({ label, percent: percent(ticks - (this.start?.byLabel.get(label) ?? 0)) }));
    // A backend that started in the window counts whole; one that ended in it is lost (and lands in "other").
    let postgres = 0;
    for (const [pid, ticks] of end.postgres) postgres += ticks - (this.start.postgres.get(pid) ?? 0);
    shares.push({ label: 'postgres (all)', percent: percent(postgres) });
    const machine = percent(end.machineBusy - this.start.machineBusy);
    const known = shares.reduce((sum, s) => sum + s.percent, 0);
    return [...shares, { label: 'other processes', percent: Math.max(0, machine - known) }, { label: 'machine (all)', percent: machine }];
  }

  private read(): Reading | undefined {
    try {
      const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/).slice(1).map(Number) ?? [];
      // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
      const machineBusy = cpu.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
      const byLabel = new Map<string, number>();
      for (const [label, pid] of this.pids) byLabel.set(label, ticksOf(pid));
      const postgres = new Map<number, number>();
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') postgres.set(Number(entry), ticksOf(Number(entry)));
        } catch {
          // Gone meanwhile.
        }
      }
      return { atMs: performance.now(), machineBusy, byLabel, postgres };
    } catch {
      return undefined;
    }
  }
}

function ticksOf(pid: number): number {
  // Fields after the command (which may hold spaces) start at state; utime and stime are fields 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
