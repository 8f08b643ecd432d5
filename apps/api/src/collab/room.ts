import { Logger } from '@nestjs/common';
import { describeError } from '@mockboard/db';
import { checkUpdate, knownClocks, knownContentOf, loadStoredDocument, type SetAside, type StoredDocument, type UpdateLogRepository } from '@mockboard/collab';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { UpdateLogWriter } from './update-log-writer';

/** Origin of updates applied by the server on behalf of a client, so observers can tell them apart. */
export interface RemoteOrigin {
  socketId: string;
  userId: string;
}

export type RoomRefusalCode = 'invalid_message' | 'out_of_sync' | 'read_only' | 'server_busy';

export type ApplyResult =
  /** Applied and logged: `onCommitted` runs once it is committed. */
  | { status: 'applied' }
  /** It changes nothing in the room: nothing to apply, log or forward (rule P9). */
  | { status: 'unchanged' }
  | { status: 'refused'; code: RoomRefusalCode; reason: string };

/** How a room tells its registry that its in-memory state can no longer be trusted (rule S12). */
export interface RoomOwner {
  broken(room: Room, reason: string): void;
}

/**
 * The longest tail a room keeps unapplied. Yjs merges a list of updates in more than linear time: 500 small
 * updates take ~8 ms, 1,000 ~22 ms, 2,000 ~60 ms (20,000 take seconds), and a newcomer waits for it.
 */
const MAX_UNAPPLIED_TAIL = 1_000;
/** Rebuilds a load may try, each without the row that made the previous one throw. */
const MAX_BUILD_ATTEMPTS = 5;

/** A snapshot and the log after it as loaded; the merged tail is kept once a client has needed it. */
interface StoredState {
  snapshot: NonNullable<StoredDocument['snapshot']>;
  tail: StoredDocument['tail'];
  clocks: StoredDocument['clocks'];
  stateVector: Uint8Array;
  mergedTail?: Uint8Array;
}

/** Applying a stored row or snapshot threw: it is set aside, and the room built again without it. */
class BuildError extends Error {
  constructor(readonly setAside: SetAside) {
    super(setAside.reason);
  }
}

/**
 * One session's live document: the Y.Doc, its awareness, and the log position. All per-room state lives
 * here behind load / apply / store / destroy (docs/protocol.md, section S), so that a cross-node relay or
 * room affinity can wrap it without changing the gateway.
 */
export class Room {
  private ydoc = new Y.Doc();
  /** Presence is not part of the document: it keeps its own, so the document can be rebuilt under it. */
  readonly awareness = new Awareness(new Y.Doc());
  /**
   * A loaded snapshot and the log after it, not applied yet. A room is often loaded only to be looked at
   * (a finished session opened for review), and building the document is most of what a load costs: new
   * clients are served the stored bytes, and the document is built the first time something needs it
   * (rule S4).
   */
  private unapplied: StoredState | undefined;
  connections = 0;
  /** Its in-memory state was found untrustworthy: it takes nothing more and is dropped once settled (S12). */
  evicted = false;
  private nextSeq = 1;
  /** Highest seq settled (committed, or refused as another process's); every update up to it is in `doc`. */
  private settledSeq = 0;
  private snapshotSeq = 0;
  /** The settled seq at which the next snapshot is due. */
  private snapshotDue = 0;
  private loaded = false;
  /** The whole document as one update, for new clients, until the next change. */
  private fullState: Uint8Array | undefined;
  /** Callers of whenSettled, in seq order. */
  private readonly settleWaiters: Array<{ seq: number; resolve: () => void }> = [];
  /** Set-aside records still being written: a reload must not read the log before they are in. */
  private readonly repairs: Array<Promise<unknown>> = [];
  private storing: Promise<void> | undefined;
  private readonly logger = new Logger('Room');

  constructor(
    readonly sessionId: string,
    private readonly repository: UpdateLogRepository,
    private readonly writer: UpdateLogWriter,
    private readonly snapshotEvery: number,
    private readonly owner: RoomOwner,
  ) {
    // The server has no presence of its own to publish.
    this.awareness.setLocalState(null);
  }

  /**
   * The snapshot, then the log after it, each checked (rule S10), kept as read and applied when first
   * needed (rule S4). A row that passed its check but still throws while the document is built is set
   * aside and the build starts again without it.
   */
  async load(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const stored = await loadStoredDocument(this.repository, this.sessionId, (entries) => this.reportSetAside(entries));
      try {
        this.take(stored);
        break;
      } catch (error) {
        if (!(error instanceof BuildError) || attempt === MAX_BUILD_ATTEMPTS) throw error;
        await this.repository.setAside(error.setAside);
        this.reportSetAside([error.setAside]);
      }
    }
    this.loaded = true;
  }

  /**
   * The live document, built from what was loaded first if it has not been yet. If a stored row still
   * throws while it is built, the row is set aside and the room breaks (it is reloaded without the row).
   */
  get doc(): Y.Doc {
    const stored = this.unapplied;
    if (!stored) return this.ydoc;
    this.unapplied = undefined;
    try {
      this.build(stored.snapshot, stored.tail);
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      this.repairs.push(this.repository.setAside(error.setAside).then((first) => first && this.reportSetAside([error.setAside])));
      this.break(`a stored row threw while the document was built: ${error.message}`);
    }
    return this.ydoc;
  }

  /** Whether the document has been built from what was loaded (rule S4). */
  get built(): boolean {
    return this.unapplied === undefined;
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
    const fresh = Y.decodeStateVector(stateVector).size === 0;
    if (stored && fresh) {
      if (stored.tail.length === 0) return [stored.snapshot.state];
      stored.mergedTail ??= Y.mergeUpdates(stored.tail.map((row) => row.update));
      return [stored.snapshot.state, stored.mergedTail];
    }
    if (fresh) return [(this.fullState ??= Y.encodeStateAsUpdate(this.doc))];
    return [Y.encodeStateAsUpdate(this.doc, stateVector)];
  }

  get hasPendingWrites(): boolean {
    return this.settledSeq < this.nextSeq - 1;
  }

  /**
   * Checks an update against the document (rule P9) and, if it is a change the sender may make, applies
   * it and appends it to the log; `onCommitted` runs once it is committed (the client's acknowledgement
   * waits for it). The in-memory document changes at once so fan-out need not wait.
   */
  apply(update: Uint8Array, origin: RemoteOrigin, mayWrite: boolean, onCommitted?: () => void): ApplyResult {
    // Every newcomer answers our step 1 with an empty step 2: the state vector alone tells that it changes
    // nothing, and a room kept as loaded is not built for it (rule S4).
    if (this.unapplied) {
      const early = checkUpdate(update, knownClocks(this.unapplied.clocks));
      if (!early.ok) return { status: 'refused', code: early.code, reason: early.reason };
      if (!early.changes) return { status: 'unchanged' };
    }
    const doc = this.doc;
    if (this.evicted) return { status: 'refused', code: 'server_busy', reason: 'The room is reloading: try again in a moment' };
    const check = checkUpdate(update, knownContentOf(doc));
    if (!check.ok) return { status: 'refused', code: check.code, reason: check.reason };
    if (!check.changes) return { status: 'unchanged' };
    if (!mayWrite) return { status: 'refused', code: 'read_only', reason: 'Observers cannot edit the board' };
    if (this.writer.full) return { status: 'refused', code: 'server_busy', reason: 'The server is saving a backlog: try again in a moment' };
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (error) {
      this.break(`an update that passed its check threw while applied: ${error instanceof Error ? error.message : String(error)}`);
      return { status: 'refused', code: 'invalid_message', reason: 'The update could not be applied' };
    }
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      this.break('an update that passed its check left content pending');
      return { status: 'refused', code: 'invalid_message', reason: 'The update could not be applied' };
    }
    this.fullState = undefined;
    const seq = this.nextSeq++;
    this.writer.append({
      sessionId: this.sessionId,
      seq,
      userId: origin.userId,
      createdAt: new Date(),
      update,
      committed: () => {
        this.settled(seq);
        this.compactIfDue();
        // A room whose state diverged acknowledges nothing more: its clients resync instead.
        if (!this.evicted) onCommitted?.();
      },
      rejected: () => {
        this.settled(seq);
        this.break(`another process wrote seq ${seq} of this session's log: run one api process per database until several nodes are supported`);
      },
    });
    return { status: 'applied' };
  }

  /** Resolves when every update applied so far is settled, and what was set aside is recorded. */
  async whenSettled(): Promise<void> {
    const seq = this.nextSeq - 1;
    if (this.settledSeq < seq) await new Promise<void>((resolve) => this.settleWaiters.push({ seq, resolve }));
    await Promise.allSettled(this.repairs);
  }

  /**
   * Compaction: writes the whole document as the snapshot for the settled position (rule S5). The
   * document may hold a few updates newer than that position; replaying them again on load is harmless
   * because Yjs updates are idempotent. One store at a time; a document that never finished loading, or
   * that was found untrustworthy, is never stored (rules S7, S12).
   */
  store(): Promise<void> {
    if (!this.loaded || this.evicted) return Promise.resolve();
    if (this.storing) return this.storing;
    const seq = this.settledSeq;
    if (seq === this.snapshotSeq) return Promise.resolve();
    const doc = this.doc;
    if (this.evicted) return Promise.resolve();
    const snapshot = { seq, state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc), verified: true };
    const storing = this.repository.writeSnapshot(this.sessionId, snapshot).then(
      () => {
        this.snapshotSeq = Math.max(this.snapshotSeq, seq);
        this.snapshotDue = this.snapshotSeq + this.snapshotEvery;
      },
      (error: unknown) => {
        this.logger.error(`Snapshot of ${this.sessionId} failed; the room stays in memory: ${describeError(error)}`);
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

  destroy(): void {
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  private take(stored: StoredDocument): void {
    const { snapshot, tail } = stored;
    // Without a snapshot, or behind a long tail (compaction kept failing, or its interval was raised),
    // merging the log for a client would cost more than building the document: build it now.
    if (snapshot && tail.length <= MAX_UNAPPLIED_TAIL) {
      this.unapplied = { snapshot, tail, clocks: stored.clocks, stateVector: Y.encodeStateVector(stored.clocks) };
    } else {
      this.build(snapshot, tail);
    }
    this.snapshotSeq = snapshot?.seq ?? 0;
    this.settledSeq = stored.lastSeq;
    this.nextSeq = stored.lastSeq + 1;
    // Rooms loaded together (every room after a restart, say) would otherwise all compact at the same
    // moment, and encoding hundreds of documents in one go stalls the event loop: the first snapshot
    // comes after a random half to whole interval, the next ones every interval from there. It is not
    // taken here even when due, as that would build the document the load just avoided building: the
    // next commit, or the unload, takes it.
    this.snapshotDue = this.snapshotSeq + Math.ceil(this.snapshotEvery * (0.5 + Math.random() / 2));
  }

  /** Builds a fresh document from checked bytes; throws a BuildError naming the row that still threw. */
  private build(snapshot: StoredDocument['snapshot'], tail: StoredDocument['tail']): void {
    const doc = new Y.Doc();
    let current: SetAside | undefined = snapshot && { sessionId: this.sessionId, source: 'snapshot', seq: snapshot.seq, reason: '', state: snapshot.state };
    try {
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (const row of tail) {
          current = { sessionId: this.sessionId, source: 'update', seq: row.seq, reason: '' };
          Y.applyUpdate(doc, row.update);
        }
      });
    } catch (error) {
      doc.destroy();
      if (!current) throw error;
      throw new BuildError({ ...current, reason: `threw while the document was built: ${error instanceof Error ? error.message : String(error)}` });
    }
    this.ydoc.destroy();
    this.ydoc = doc;
  }

  private break(reason: string): void {
    if (this.evicted) return;
    this.evicted = true;
    this.owner.broken(this, reason);
  }

  private settled(seq: number): void {
    // The writer settles in queue order, so seq values are settled in order too.
    this.settledSeq = seq;
    while (this.settleWaiters[0] && this.settleWaiters[0].seq <= seq) this.settleWaiters.shift()?.resolve();
  }

  /** Off the hot path: a failed snapshot is logged and retried at the next trigger or unload. */
  private compactIfDue(): void {
    if (this.settledSeq >= this.snapshotDue) void this.store().catch(() => undefined);
  }

  private reportSetAside(entries: SetAside[]): void {
    const [first] = entries;
    if (!first) return;
    this.logger.warn(
      `Room ${this.sessionId}: set aside ${entries.length} stored ${entries.length === 1 ? 'entry' : 'entries'} that cannot be ` +
        `integrated (doc_set_aside), first ${first.source} ${first.seq}: ${first.reason}`,
    );
  }
}
