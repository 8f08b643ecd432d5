import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { UpdateLogRepository, type LoggedUpdate } from '@mockboard/collab';
import type { AppConfig } from '@mockboard/config';
import { describeError } from '@mockboard/db';
import { APP_CONFIG } from '../core/config/config.module';

/** A row waiting for its commit. Callbacks rather than a promise: this is one object per edit on the hot path. */
export interface PendingUpdate extends LoggedUpdate {
  committed(): void;
  /** Another process holds this seq: the row was not written (rule S9). */
  rejected(): void;
}

interface Batch {
  entries: PendingUpdate[];
  committed: boolean;
  attempts: number;
  /** Rows whose seq another process had taken, as `sessionId:seq`. */
  foreign?: Set<string>;
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
const UNIQUE_VIOLATION = '23505';

/**
 * Group commit for the update log (docs/protocol.md, rule S2). Appends from every room queue here and go
 * to Postgres in batches, several in flight. Batches may commit in any order but are settled in queue
 * order, so an acknowledgement still means "this and everything before it is committed", and a room's seq
 * values are confirmed in order. A failed batch keeps its place and is retried: nothing is acknowledged
 * before it commits and nothing accepted is dropped. What waits is bounded in bytes (rule S11): rooms
 * refuse new updates while `full`, and a batch never carries more than ROOM_WRITE_BATCH_BYTES.
 */
@Injectable()
export class UpdateLogWriter implements OnApplicationShutdown {
  private readonly logger = new Logger('UpdateLog');
  private queue: PendingUpdate[] = [];
  /** Batches sent and not yet settled, oldest first. */
  private readonly inFlight: Batch[] = [];
  private scheduled = false;
  private drainWaiters: Array<() => void> = [];
  /** Bytes of updates appended and not yet settled. */
  private waitingBytes = 0;
  private readonly maxWaitingBytes: number;
  private readonly maxBatchBytes: number;

  constructor(
    private readonly repository: UpdateLogRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxWaitingBytes = config.room.writeQueueBytes;
    this.maxBatchBytes = config.room.writeBatchBytes;
  }

  /** True while the database is so far behind that new updates must wait (they are refused `server_busy`). */
  get full(): boolean {
    return this.waitingBytes >= this.maxWaitingBytes;
  }

  /** `entry.committed` (or `rejected`) runs once the row, and every row appended before it, is settled. */
  append(entry: PendingUpdate): void {
    this.queue.push(entry);
    this.waitingBytes += entry.update.byteLength;
    this.schedule();
  }

  /** Resolves when everything appended so far is settled. */
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
      const batch: Batch = { entries: this.takeBatch(Math.min(MAX_BACKLOG_BATCH, Math.max(MAX_BATCH, share))), committed: false, attempts: 0 };
      this.inFlight.push(batch);
      void this.write(batch);
    }
  }

  /** Up to `rows` entries and ROOM_WRITE_BATCH_BYTES, but always at least one. */
  private takeBatch(rows: number): PendingUpdate[] {
    let count = 0;
    let bytes = 0;
    for (const entry of this.queue) {
      if (count === rows || (count > 0 && bytes + entry.update.byteLength > this.maxBatchBytes)) break;
      bytes += entry.update.byteLength;
      count++;
    }
    return this.queue.splice(0, count);
  }

  /** A batch counts against MAX_IN_FLIGHT until it commits, so an outage is retried by a few batches, not all. */
  private async write(batch: Batch): Promise<void> {
    try {
      if (batch.attempts === 0) await this.repository.append(batch.entries);
      else batch.foreign = new Set((await this.repository.appendChecked(batch.entries)).map((row) => `${row.sessionId}:${row.seq}`));
    } catch (error) {
      batch.attempts++;
      // A taken seq is no outage: the checked retry, at once, tells whose row holds it.
      if (batch.attempts === 1 && isUniqueViolation(error)) return void this.write(batch);
      const retryIn = RETRY_DELAYS_MS[Math.min(batch.attempts - 1, RETRY_DELAYS_MS.length - 1)] ?? 5_000;
      this.logger.error(
        `Storing ${batch.entries.length} updates failed (attempt ${batch.attempts}), retrying in ${retryIn} ms: ${describeError(error)}`,
      );
      setTimeout(() => void this.write(batch), retryIn);
      return;
    }
    batch.committed = true;
    this.settleCommitted();
    if (this.queue.length > 0) this.schedule();
  }

  private settleCommitted(): void {
    while (this.inFlight[0]?.committed) {
      const { entries, foreign } = this.inFlight.shift() as Batch;
      for (const entry of entries) {
        this.waitingBytes -= entry.update.byteLength;
        if (foreign?.has(`${entry.sessionId}:${entry.seq}`)) entry.rejected();
        else entry.committed();
      }
    }
    if (this.idle) this.drainWaiters.splice(0).forEach((resolve) => resolve());
  }
}

function isUniqueViolation(error: unknown): boolean {
  const cause: unknown = error instanceof Error && error.cause ? error.cause : error;
  return (cause as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}
