import { intInRange, parseArgsOrHelp, positiveInt } from '../../shared/cli-options';

export type BenchMode = 'fanout' | 'load' | 'all';

export interface BenchOptions {
  mode: BenchMode;
  rooms: number;
  clients: number;
  /** Edits per second per writing client. */
  rate: number;
  seconds: number;
  /** Seconds of editing at the same rate before the measured window (JIT, heap and pool warm-up). */
  warmup: number;
  /** Load-generator processes the fan-out clients are spread over. */
  workers: number;
  /** The generators' nice value: above 0, they yield the CPU to the server when both want it. */
  generatorNice: number;
  /** Target an already running server instead of starting one. */
  url: string | undefined;
  /** Its process id, for CPU and RSS sampling. */
  pid: number | undefined;
  /** Its database, for the persisted-log checks; known when the bench starts its own server. */
  databaseUrl: string | undefined;
  loadUpdates: number;
  loadWriters: number;
  loadRepeats: number;
  /** Directory for a V8 CPU profile of the server child (written when it stops). */
  serverCpuProf: string | undefined;
  /** Directory for V8 CPU profiles of the generator processes. */
  generatorCpuProf: string | undefined;
  /** Hard limit for the whole run, in seconds. */
  timeoutSeconds: number;
  /** Write every figure as JSON to this file too. */
  jsonOut: string | undefined;
}

const HELP = `Usage: npm run bench:room -- [options]

  --mode fanout|load|all   what to run (default fanout)
  --rooms N                rooms (default 500)
  --clients N              clients per room; the first two write, the rest are observers (default 2)
  --rate N                 edits per second per writing client (default 10)
  --seconds N              length of the measured edit phase (default 20)
  --warmup S               editing at the same rate before it, checked for loss but not timed (default 5; 0 for none)
  --workers N              load-generator processes for the fan-out clients (default 2)
  --generator-nice N       their nice value, 0-19 (default 10: on a shared machine they yield to the server; 0 to compete equally)
  --url URL                use a running server instead of starting one
  --pid N                  that server's process id, for CPU/RSS sampling
  --database-url URL       that server's database, for the persisted-log checks
  --load-updates N         updates pushed into the load-mode room (default 20000)
  --load-writers N         sockets pushing them in parallel (default 8; each stays under the server's rate limit)
  --load-repeats N         fresh loads measured per variant (default 5)
  --server-cpu-prof DIR    run the server child with --cpu-prof, profile written to DIR
  --generator-cpu-prof DIR the same for each load-generator process
  --timeout S              hard limit for the whole run in seconds (default: derived from the run)
  --json-out FILE          also write the figures as JSON
`;

export function parseOptions(argv: string[]): BenchOptions {
  const values = parseArgsOrHelp(argv, HELP, {
    mode: { type: 'string', default: 'fanout' },
    rooms: { type: 'string', default: '500' },
    clients: { type: 'string', default: '2' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    workers: { type: 'string', default: '2' },
    'generator-nice': { type: 'string', default: '10' },
    url: { type: 'string' },
    pid: { type: 'string' },
    'database-url': { type: 'string' },
    'load-updates': { type: 'string', default: '20000' },
    'load-writers': { type: 'string', default: '8' },
    'load-repeats': { type: 'string', default: '5' },
    'server-cpu-prof': { type: 'string' },
    'generator-cpu-prof': { type: 'string' },
    timeout: { type: 'string' },
    'json-out': { type: 'string' },
  });
  const mode = values.mode;
  if (mode !== 'fanout' && mode !== 'load' && mode !== 'all') throw new Error(`--mode must be fanout, load or all, not "${mode}"`);
  const options: BenchOptions = {
    mode,
    rooms: positiveInt('rooms', values.rooms),
    clients: positiveInt('clients', values.clients, 2),
    rate: positiveNumber('rate', values.rate),
    seconds: positiveNumber('seconds', values.seconds),
    warmup: nonNegativeNumber('warmup', values.warmup),
    workers: positiveInt('workers', values.workers),
    generatorNice: intInRange('generator-nice', values['generator-nice'], 0, 19),
    url: values.url?.replace(/\/$/, ''),
    pid: values.pid === undefined ? undefined : positiveInt('pid', values.pid),
    databaseUrl: values['database-url'],
    loadUpdates: positiveInt('load-updates', values['load-updates']),
    loadWriters: positiveInt('load-writers', values['load-writers']),
    loadRepeats: positiveInt('load-repeats', values['load-repeats']),
    serverCpuProf: values['server-cpu-prof'],
    generatorCpuProf: values['generator-cpu-prof'],
    timeoutSeconds: 0,
    jsonOut: values['json-out'],
  };
  if (options.url && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(options.url)) {
    throw new Error('--url must be http://127.0.0.1:<port> (the bench never leaves this machine)');
  }
  if (options.url && options.serverCpuProf) throw new Error('--server-cpu-prof needs the bench to start the server (no --url)');
  options.timeoutSeconds = values.timeout === undefined ? defaultTimeout(options) : positiveInt('timeout', values.timeout);
  return options;
}

/** Generous but finite: setup, the edit phase, draining, verification and the load mode's pushes. */
function defaultTimeout(o: BenchOptions): number {
  const fanout = o.mode === 'load' ? 0 : 120 + (o.warmup + o.seconds) * 2 + (o.rooms * o.clients) / 20;
  const load = o.mode === 'fanout' ? 0 : 180 + o.loadUpdates / 50;
  return Math.ceil(fanout + load);
}

function positiveNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, not "${raw}"`);
  return value;
}

function nonNegativeNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number >= 0, not "${raw}"`);
  return value;
}
