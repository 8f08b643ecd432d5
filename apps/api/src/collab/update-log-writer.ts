import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { describeError } from '@mockboard/db';
import { UpdateLogRepository, type LoggedUpdate } from './update-log.repository';

/** A row waiting for its commit. A callback rather than a promise: this is one object per edit on the hot path. */
export interface PendingUpdate extends LoggedUpdate {
  committed(): void;
}

interface Batch {
  entries: PendingUpdate[];
  committed: boolean;
  attempts: number;
}

/** Batch size while the writer keeps up: acknowledging one batch never holds the event loop for long. */
const MAX_BATCH = 500;
/** Batches grow up to this when a backlog builds; beyond it, serialising and acknowledging one stalls the loop. */
const MAX_BACKLOG_BATCH = 2_500;
/**
 * Batches in flight at once. One at a time caps the commit rate at one batch per database round trip
 * *plus* the event loop's delay in noticing the answer, and under load that delay dominates: the queue
 * grows, batches and acknowledgement bursts grow with it, and the delay grows again.
 */
const MAX_IN_FLIGHT = 4;
const RETRY_DELAYS_MS = [50, 200, 1_000, 5_000];
/**
 * How long appends gather before a batch goes out. Starting one as soon as a slot frees up meant hundreds
 * of tiny commits a second, each a WAL flush; waiting this long cut Postgres' CPU by about a third under
 * load, and acknowledgements wait for their next ride to the client anyway (ROOM_ACK_DELAY_MS).
 */
const GATHER_MS = 10;

/**
 * Group commit for the update log (docs/protocol.md, rule S2). Appends from every room queue here and go
 * to Postgres in batches, several in flight. Batches may commit in any order but are acknowledged in
 * queue order, so an acknowledgement still means "this and everything before it is committed", and a
 * room's seq values are confirmed in order. A failed batch keeps its place and is retried: nothing is
 * acknowledged before it commits and nothing accepted is dropped.
 */
@Injectable()
export class UpdateLogWriter implements OnApplicationShutdown {
  private readonly logger = new Logger('UpdateLog');
  private queue: PendingUpdate[] = [];
  /** Batches sent and not yet acknowledged, oldest first. */
  private readonly inFlight: Batch[] = [];
  private scheduled = false;
  private drainWaiters: Array<() => void> = [];

  constructor(private readonly repository: UpdateLogRepository) {}

  /** `entry.committed` runs once the row, and every row appended before it, is committed. */
  append(entry: PendingUpdate): void {
    this.queue.push(entry);
    this.schedule();
  }

  /** Resolves when everything appended so far is committed. */
  drain(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  private get idle(): boolean {
    return this.queue.length === 0 && this.inFlight.length === 0;
  }

  /** Batches not yet committed; committed ones may still wait in `inFlight` for an older one. */
  private get writing(): number {
    return this.inFlight.reduce((n, batch) => (batch.committed ? n : n + 1), 0);
  }

  private schedule(): void {
    if (this.scheduled || this.writing >= MAX_IN_FLIGHT) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.startBatches();
    }, GATHER_MS);
  }

  /**
   * The queue is shared among the free slots: a backlog makes batches larger rather than waiting for more
   * round trips, so the writer catches up instead of falling further behind.
   */
  private startBatches(): void {
    while (this.queue.length > 0 && this.writing < MAX_IN_FLIGHT) {
      const share = Math.ceil(this.queue.length / (MAX_IN_FLIGHT - this.writing));
      const size = Math.min(MAX_BACKLOG_BATCH, Math.max(MAX_BATCH, share));
      const batch: Batch = { entries: this.queue.splice(0, size), committed: false, attempts: 0 };
      this.inFlight.push(batch);
      void this.write(batch);
    }
  }

  /** A batch counts against MAX_IN_FLIGHT until it commits, so an outage is retried by a few batches, not all. */
  private async write(batch: Batch): Promise<void> {
    try {
      // A retry may find its rows already there: the connection can break after the commit.
      await this.repository.append(batch.entries, { retry: batch.attempts > 0 });
    } catch (error) {
      const retryIn = RETRY_DELAYS_MS[Math.min(batch.attempts, RETRY_DELAYS_MS.length - 1)] ?? 5_000;
      batch.attempts++;
      this.logger.error(
        `Storing ${batch.entries.length} updates failed (attempt ${batch.attempts}), retrying in ${retryIn} ms: ${describeError(error)}`,
      );
      setTimeout(() => void this.write(batch), retryIn);
      return;
    }
    batch.committed = true;
    this.acknowledgeCommitted();
    if (this.queue.length > 0) this.schedule();
  }

  private acknowledgeCommitted(): void {
    while (this.inFlight[0]?.committed) {
      const batch = this.inFlight.shift() as Batch;
      for (const entry of batch.entries) entry.committed();
    }
    if (this.idle) this.drainWaiters.splice(0).forEach((resolve) => resolve());
  }
}
