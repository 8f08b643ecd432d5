import { Logger } from '@nestjs/common';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { UpdateLogRepository } from './update-log.repository';
import { stateVectorAfter } from './yjs-update';
import type { UpdateLogWriter } from './update-log-writer';

/** Origin of updates applied by the server on behalf of a client, so observers can tell them apart. */
export interface RemoteOrigin {
  socketId: string;
  userId: string;
}

/**
 * The longest tail a room keeps unapplied. Yjs merges a list of updates in more than linear time: 500 small
 * updates take ~8 ms, 1,000 ~22 ms, 2,000 ~60 ms (20,000 take seconds), and a newcomer waits for it.
 */
const MAX_UNAPPLIED_TAIL = 1_000;

/** A snapshot and the log after it as loaded; the merged tail is kept once a client has needed it. */
interface StoredState {
  state: Uint8Array;
  tail: Uint8Array[];
  stateVector: Uint8Array;
  mergedTail?: Uint8Array;
}

/**
 * One session's live document: the Y.Doc, its awareness, and the log position. All per-room state lives
 * here behind load / apply / store / unload (docs/protocol.md, section S), so that a cross-node relay or
 * room affinity can wrap it without changing the gateway.
 */
export class Room {
  private readonly ydoc = new Y.Doc();
  readonly awareness = new Awareness(this.ydoc);
  /**
   * A loaded snapshot and the log after it, not applied yet. A room is often loaded only to be looked at
   * (a finished session opened for review), and building the document is most of what a load costs: new
   * clients are served the stored bytes, and the document is built the first time something needs it
   * (rule S4).
   */
  private unapplied: StoredState | undefined;
  connections = 0;
  private nextSeq = 1;
  /** Highest seq known committed; every update up to it is in `doc`. */
  private committedSeq = 0;
  private snapshotSeq = 0;
  /** The committed seq at which the next snapshot is due. */
  private snapshotDue = 0;
  private loaded = false;
  /** Callers of whenWritten, in seq order. */
  private readonly writeWaiters: Array<{ seq: number; resolve: () => void }> = [];
  private storing: Promise<void> | undefined;
  private readonly logger = new Logger('Room');

  constructor(
    readonly sessionId: string,
    private readonly repository: UpdateLogRepository,
    private readonly writer: UpdateLogWriter,
    private readonly snapshotEvery: number,
  ) {
    // The server has no presence of its own to publish.
    this.awareness.setLocalState(null);
  }

  /** Snapshot, then the log after it, read in one go and applied when first needed (rule S4). */
  async load(): Promise<void> {
    const snapshot = await this.repository.loadSnapshot(this.sessionId);
    const tail = await this.repository.loadTail(this.sessionId, snapshot?.seq ?? 0);
    const updates = tail.map((row) => row.update);
    // Without a snapshot, or behind a long tail (compaction kept failing, or its interval was raised),
    // merging the log for a client would cost more than building the document: build it now.
    if (snapshot && updates.length <= MAX_UNAPPLIED_TAIL) {
      const snapshotVector = snapshot.stateVector ?? Y.encodeStateVectorFromUpdate(snapshot.state);
      this.unapplied = { state: snapshot.state, tail: updates, stateVector: stateVectorAfter(snapshotVector, updates) };
    } else {
      this.build(snapshot?.state, updates);
    }
    this.snapshotSeq = snapshot?.seq ?? 0;
    this.committedSeq = tail.at(-1)?.seq ?? this.snapshotSeq;
    this.nextSeq = this.committedSeq + 1;
    // Rooms loaded together (every room after a restart, say) would otherwise all compact at the same
    // moment, and encoding hundreds of documents in one go stalls the event loop: the first snapshot
    // comes after a random half to whole interval, the next ones every interval from there. It is not
    // taken here even when due, as that would build the document the load just avoided building: the
    // next commit, or the unload, takes it.
    this.snapshotDue = this.snapshotSeq + Math.ceil(this.snapshotEvery * (0.5 + Math.random() / 2));
    this.loaded = true;
  }

  /** The live document, built from what was loaded first if it has not been yet. */
  get doc(): Y.Doc {
    if (this.unapplied) {
      const { state, tail } = this.unapplied;
      this.unapplied = undefined;
      this.build(state, tail);
    }
    return this.ydoc;
  }

  /** The document's state vector (sync step 1), without building a document that is still as loaded. */
  stateVector(): Uint8Array {
    return this.unapplied?.stateVector ?? Y.encodeStateVector(this.ydoc);
  }

  /**
   * What a client whose state vector is `stateVector` lacks, as updates to send in order: the first answers
   * its sync step 1, any other follows as an update message. A new client of a room still as loaded gets
   * the snapshot as stored, then the log after it merged into one update.
   */
  missingFor(stateVector: Uint8Array): [Uint8Array, ...Uint8Array[]] {
    const stored = this.unapplied;
    if (stored && Y.decodeStateVector(stateVector).size === 0) {
      if (stored.tail.length === 0) return [stored.state];
      stored.mergedTail ??= Y.mergeUpdates(stored.tail);
      return [stored.state, stored.mergedTail];
    }
    return [Y.encodeStateAsUpdate(this.doc, stateVector)];
  }

  get hasPendingWrites(): boolean {
    return this.committedSeq < this.nextSeq - 1;
  }

  /**
   * Applies a validated update and appends it to the log; `onCommitted` runs once it is committed (the
   * client's acknowledgement waits for it). The in-memory document changes at once so fan-out need not wait.
   */
  apply(update: Uint8Array, origin: RemoteOrigin, onCommitted?: () => void): void {
    Y.applyUpdate(this.doc, update, origin);
    const seq = this.nextSeq++;
    this.writer.append({
      sessionId: this.sessionId,
      seq,
      userId: origin.userId,
      createdAt: new Date(),
      update,
      committed: () => {
        // The writer acknowledges in queue order, so seq values are confirmed in order too.
        this.committedSeq = seq;
        while (this.writeWaiters[0] && this.writeWaiters[0].seq <= seq) this.writeWaiters.shift()?.resolve();
        this.compactIfDue();
        onCommitted?.();
      },
    });
  }

  /** Resolves when every update applied so far is committed. */
  whenWritten(): Promise<void> {
    const seq = this.nextSeq - 1;
    if (this.committedSeq >= seq) return Promise.resolve();
    return new Promise((resolve) => this.writeWaiters.push({ seq, resolve }));
  }

  /**
   * Compaction: writes the whole document as the snapshot for the committed position (rule S5). The
   * document may hold a few updates newer than that position; replaying them again on load is harmless
   * because Yjs updates are idempotent. One store at a time; a document that never finished loading is
   * never stored (rule S7).
   */
  store(): Promise<void> {
    if (!this.loaded) return Promise.resolve();
    if (this.storing) return this.storing;
    const seq = this.committedSeq;
    if (seq === this.snapshotSeq) return Promise.resolve();
    const state = Y.encodeStateAsUpdate(this.doc);
    const stateVector = Y.encodeStateVector(this.ydoc);
    const storing = this.repository.writeSnapshot(this.sessionId, { seq, state, stateVector }).then(
      () => {
        this.snapshotSeq = Math.max(this.snapshotSeq, seq);
        this.snapshotDue = this.snapshotSeq + this.snapshotEvery;
      },
      (error: unknown) => {
        this.logger.error(`Snapshot of ${this.sessionId} failed; the room stays in memory: ${String(error)}`);
        throw error;
      },
    );
    this.storing = storing;
    void storing
      .finally(() => {
        this.storing = undefined;
      })
      // Updates committed while this snapshot was written may already be due another one.
      .then(() => this.compactIfDue(), () => undefined);
    return this.storing;
  }

  /** Off the hot path: a failed snapshot is logged and retried at the next trigger or unload. */
  private compactIfDue(): void {
    if (this.committedSeq >= this.snapshotDue) void this.store().catch(() => undefined);
  }

  private build(snapshot: Uint8Array | undefined, tail: readonly Uint8Array[]): void {
    this.ydoc.transact(() => {
      if (snapshot) Y.applyUpdate(this.ydoc, snapshot);
      for (const update of tail) Y.applyUpdate(this.ydoc, update);
    });
  }

  destroy(): void {
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}
