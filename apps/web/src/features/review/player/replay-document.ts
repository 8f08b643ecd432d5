import type { RecordedUpdate } from '@mockboard/protocol';
import * as Y from 'yjs';
import { clampTime } from './playback-clock';
import { chunksBetween, type Chunk } from './update-chunks';

/** The recording's two binary routes (docs/protocol.md V5, V6), behind an interface so the logic is tested without HTTP. */
export interface RecordingSource {
  stateAt(atMs: number): Promise<Uint8Array>;
  updates(fromMs: number, toMs: number): Promise<RecordedUpdate[]>;
}

/** A jump forward over more chunks than this asks for the state at the target instead of the chunks between. */
const MAX_CHUNKS_TO_PLAY_THROUGH = 3;
/**
 * Least time between two state requests: a drag over a small board would otherwise ask dozens of times a
 * second, past the server's per-user budget (docs/protocol.md V5), for moments shown for a few milliseconds.
 */
export const MIN_STATE_GAP_MS = 100;

/**
 * The board's document at the playhead. Moving forward applies the recorded updates in between (from chunks
 * read ahead); moving back, or far ahead, replaces the document with the state at the target. One state
 * request runs at a time and, when it lands, the document catches up with wherever the playhead went
 * meanwhile: dragging the scrubber shows the board along the way, not only where the drag stops.
 */
export class ReplayDocument {
  private doc: Y.Doc | null = null;
  private shownMs = -1;
  private targetMs = 0;
  private stateInFlight = false;
  private lastStateRequest = Number.NEGATIVE_INFINITY;
  private destroyed = false;
  private readonly chunks = new Map<number, RecordedUpdate[]>();
  private readonly loading = new Set<number>();

  constructor(
    private readonly source: RecordingSource,
    private readonly durationMs: number,
    /** Called with the document each time it shows another moment. */
    private readonly onChange: (doc: Y.Doc, atMs: number) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  moveTo(atMs: number): void {
    this.targetMs = clampTime(atMs, this.durationMs);
    this.sync();
  }

  /** Reads chunks before the playhead needs them. */
  prefetch(chunks: readonly Chunk[]): void {
    for (const chunk of chunks) this.load(chunk);
  }

  destroy(): void {
    this.destroyed = true;
    this.doc?.destroy();
  }

  private sync(): void {
    if (this.destroyed || this.stateInFlight) return;
    const target = this.targetMs;
    if (this.doc && target === this.shownMs) return;
    if (this.doc && target > this.shownMs) {
      const needed = chunksBetween(this.shownMs, target, this.durationMs);
      if (needed.length <= MAX_CHUNKS_TO_PLAY_THROUGH) {
        const missing = needed.filter((chunk) => !this.chunks.has(chunk.index));
        if (missing.length === 0) return this.playThrough(this.doc, needed, target);
        // The board waits for them (they were most likely read ahead already); sync runs again when they land.
        for (const chunk of missing) this.load(chunk);
        return;
      }
    }
    this.fetchState(target);
  }

  private playThrough(doc: Y.Doc, chunks: readonly Chunk[], target: number): void {
    const from = this.shownMs;
    doc.transact(() => {
      for (const chunk of chunks) {
        for (const { atMs, update } of this.chunks.get(chunk.index) ?? []) {
          if (atMs > from && atMs <= target) Y.applyUpdate(doc, update);
        }
      }
    });
    this.shownMs = target;
    this.onChange(doc, target);
  }

  private fetchState(target: number): void {
    this.stateInFlight = true;
    const wait = this.lastStateRequest + MIN_STATE_GAP_MS - Date.now();
    if (wait > 0) {
      // Held back, not dropped: when the gap is over, the request is for wherever the playhead is then.
      setTimeout(() => {
        this.stateInFlight = false;
        this.sync();
      }, wait);
      return;
    }
    this.lastStateRequest = Date.now();
    this.source.stateAt(target).then(
      (state) => {
        this.stateInFlight = false;
        if (this.destroyed) return;
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        this.doc?.destroy();
        this.doc = doc;
        this.shownMs = target;
        this.onChange(doc, target);
        this.sync();
      },
      (error: unknown) => {
        this.stateInFlight = false;
        if (!this.destroyed) this.onError(error);
      },
    );
  }

  private load(chunk: Chunk): void {
    if (this.chunks.has(chunk.index) || this.loading.has(chunk.index)) return;
    this.loading.add(chunk.index);
    this.source.updates(chunk.fromMs, chunk.toMs).then(
      (updates) => {
        this.loading.delete(chunk.index);
        this.chunks.set(chunk.index, updates);
        this.sync();
      },
      (error: unknown) => {
        this.loading.delete(chunk.index);
        if (!this.destroyed) this.onError(error);
      },
    );
  }
}
