/**
 * Debounced whole-value saving with retries, without React: the rubric panel's draft goes through it.
 *
 * - Every change restarts a short debounce; then the newest value is sent. One request at a time: a change
 *   made while one is on its way is sent after it (the newest value only, each save replaces the last).
 * - A failure the server may get past (no connection, a 5xx, a 429) is retried with a growing delay until
 *   it goes through; the value is kept meanwhile, and a newer change replaces it.
 * - A refusal that retrying cannot fix stops: `locked` (the card was submitted, elsewhere perhaps) or
 *   `failed` (the server refused the value; the next change tries again).
 */

export type AutosaveStatus = 'saved' | 'saving' | 'offline' | 'failed' | 'locked';

export type FailureKind = 'retry' | 'failed' | 'locked';

export interface AutosaveState {
  status: AutosaveStatus;
  /** The server's words for a `failed` save; the network error's for `offline`. */
  error: string | null;
}

export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface AutosaveOptions<T, R> {
  save: (value: T) => Promise<R>;
  /** After each successful save; `settled` is false when a newer change is already waiting to go. */
  onSaved: (value: T, result: R, settled: boolean) => void;
  onState: (state: AutosaveState) => void;
  classify: (error: unknown) => { kind: FailureKind; message: string };
  debounceMs?: number;
  timers?: Timers;
}

/** 1 s, 2 s, 4 s, 8 s, then every 15 s: quick after a blip, gentle on a server that is down. */
export function retryDelayMs(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Autosave<T, R = unknown> {
  private pending: { value: T } | null = null;
  private inFlight = false;
  private timer: unknown = null;
  private attempt = 0;
  private state: AutosaveState = { status: 'saved', error: null };
  private waiters: ((saved: boolean) => void)[] = [];
  private stopped = false;
  private readonly debounceMs: number;
  private readonly timers: Timers;

  constructor(private readonly options: AutosaveOptions<T, R>) {
    this.debounceMs = options.debounceMs ?? 600;
    this.timers = options.timers ?? defaultTimers;
  }

  /** Whether something typed has not reached the server yet. */
  get unsaved(): boolean {
    return this.pending !== null || this.inFlight;
  }

  get current(): AutosaveState {
    return this.state;
  }

  change(value: T): void {
    if (this.state.status === 'locked') return;
    this.pending = { value };
    if (this.inFlight || this.stopped) return;
    // While retrying, a new change waits for the retry rather than hammering a server that is down.
    if (this.state.status === 'offline' && this.timer !== null) return;
    this.schedule(this.debounceMs);
    if (this.state.status !== 'offline') this.setState({ status: 'saving', error: null });
  }

  /** Sends what is waiting now; resolves true once everything is saved, false if it could not be. */
  flush(): Promise<boolean> {
    if (!this.unsaved) return Promise.resolve(this.state.status === 'saved');
    const done = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    if (!this.inFlight) this.send();
    return done;
  }

  /** Drops what is waiting (the server's copy replaced it, e.g. after a submit elsewhere). */
  reset(status: 'saved' | 'locked' = 'saved'): void {
    this.clearTimer();
    this.pending = null;
    this.attempt = 0;
    this.setState({ status, error: null });
    this.resolveWaiters(status === 'saved');
  }

  /**
   * The panel is going away: what is waiting goes now, once, and nothing is retried after (the browser's
   * stored copy covers a failure). `start` takes up again (React runs effects twice in development).
   */
  stop(): void {
    if (this.pending && !this.inFlight) this.send();
    this.stopped = true;
    this.clearTimer();
    this.resolveWaiters(false);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.pending && !this.inFlight) this.schedule(this.debounceMs);
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.send();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private send(): void {
    this.clearTimer();
    if (!this.pending) return;
    const { value } = this.pending;
    this.pending = null;
    this.inFlight = true;
    if (this.state.status !== 'offline') this.setState({ status: 'saving', error: null });
    this.options.save(value).then(
      (result) => this.succeeded(value, result),
      (error: unknown) => this.failed(value, error),
    );
  }

  private succeeded(value: T, result: R): void {
    this.inFlight = false;
    this.attempt = 0;
    const settled = this.pending === null;
    this.options.onSaved(value, result, settled);
    if (this.state.status === 'locked') return;
    if (settled) {
      this.setState({ status: 'saved', error: null });
      this.resolveWaiters(true);
    } else if (this.stopped) {
      return;
    } else if (this.waiters.length > 0) {
      this.send();
    } else {
      this.setState({ status: 'saving', error: null });
      this.schedule(this.debounceMs);
    }
  }

  private failed(value: T, error: unknown): void {
    this.inFlight = false;
    const { kind, message } = this.options.classify(error);
    if (kind === 'locked') {
      this.reset('locked');
      return;
    }
    // A newer change supersedes the value that failed: each save carries the whole draft.
    this.pending ??= { value };
    if (kind === 'failed') {
      this.attempt = 0;
      this.setState({ status: 'failed', error: message });
      this.resolveWaiters(false);
      return;
    }
    this.attempt += 1;
    this.setState({ status: 'offline', error: message });
    this.resolveWaiters(false);
    if (!this.stopped) this.schedule(retryDelayMs(this.attempt));
  }

  private setState(state: AutosaveState): void {
    if (state.status === this.state.status && state.error === this.state.error) return;
    this.state = state;
    this.options.onState(state);
  }

  private resolveWaiters(saved: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve(saved);
  }
}
