import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { UpdateLogRepository, type LoggedUpdate } from './update-log.repository';

interface Pending {
  row: LoggedUpdate;
  resolve: () => void;
}

const MAX_BATCH = 2_500;
const RETRY_DELAYS_MS = [50, 200, 1_000, 5_000];

/**
 * Group commit for the update log (docs/protocol.md, rule S2). Appends from every room queue here; one
 * INSERT is in flight at a time and everything that arrived meanwhile goes into the next one, so under
 * load batches grow by themselves and the hot path never waits on one insert per update. A failed batch
 * goes back to the front of the queue and is retried: nothing acknowledged is dropped, and nothing is
 * acknowledged before its batch commits.
 */
@Injectable()
export class UpdateLogWriter implements OnApplicationShutdown {
  private readonly logger = new Logger('UpdateLog');
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  private failures = 0;
  private drainWaiters: Array<() => void> = [];

  constructor(private readonly repository: UpdateLogRepository) {}

  /** Resolves once the row is committed to Postgres. Never rejects: failed batches are retried. */
  append(row: LoggedUpdate): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push({ row, resolve });
      this.schedule(0);
    });
  }

  /** Resolves when everything appended so far is committed. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.flushing) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  private schedule(delayMs: number): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    // setImmediate lets every message already read from the sockets join this batch.
    const run = (): void => {
      this.scheduled = false;
      void this.flush();
    };
    if (delayMs > 0) setTimeout(run, delayMs);
    else setImmediate(run);
  }

  private async flush(): Promise<void> {
    if (this.queue.length === 0) {
      this.drainWaiters.splice(0).forEach((resolve) => resolve());
      return;
    }
    this.flushing = true;
    const batch = this.queue.splice(0, MAX_BATCH);
    let retryIn = 0;
    try {
      await this.repository.append(batch.map((p) => p.row));
      this.failures = 0;
      for (const pending of batch) pending.resolve();
    } catch (error) {
      this.queue = batch.concat(this.queue);
      retryIn = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)] ?? 5_000;
      this.failures++;
      this.logger.error(`Storing ${batch.length} updates failed (attempt ${this.failures}), retrying in ${retryIn} ms: ${String(error)}`);
    } finally {
      this.flushing = false;
    }
    if (this.queue.length > 0) this.schedule(retryIn);
    else this.drainWaiters.splice(0).forEach((resolve) => resolve());
  }
}
