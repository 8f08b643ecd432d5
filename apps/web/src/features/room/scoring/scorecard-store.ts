import type { Scorecard, ScorecardBody, ScorecardStatus } from '@mockboard/protocol';
import { Autosave, type AutosaveState, type FailureKind, type Timers } from './autosave';
import {
  draftFromScorecard,
  draftToBody,
  parseStoredDraft,
  pickInitialDraft,
  serializeStoredDraft,
  type ScorecardDraft,
} from './scorecard-draft';

export interface ScorecardSnapshot {
  /** Null until the server's copy arrived. */
  draft: ScorecardDraft | null;
  /** The server's status of the card; null until it arrived. */
  status: ScorecardStatus | null;
  save: AutosaveState;
}

export interface ScorecardStoreDeps {
  save: (body: ScorecardBody) => Promise<Scorecard>;
  classify: (error: unknown) => { kind: FailureKind; message: string };
  /** A card the server answered with: the query cache keeps it, so a remount starts from it. */
  onServerCard: (card: Scorecard) => void;
  /** The server refused a save because the card is no longer a draft: read it again. */
  onLocked: () => void;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  now: () => number;
  timers?: Timers;
  debounceMs?: number;
}

export function draftStorageKey(sessionId: string): string {
  return `mockboard:scorecard-draft:${sessionId}`;
}

/**
 * The rubric panel's draft scorecard (rule R2): edited here at once, kept in the browser until the server
 * has it, and saved whole, debounced. The server's copy replaces it only when nothing here is unsaved and
 * the server's copy changed since (another tab saved): never the echo of this tab's own save, which the
 * server trims, and which would move the text under the person's cursor.
 */
export class ScorecardStore {
  private snapshot: ScorecardSnapshot = { draft: null, status: null, save: { status: 'saved', error: null } };
  private listeners = new Set<() => void>();
  /** The server's `updatedAt` of the copy this draft is based on. */
  private baseUpdatedAt: string | null = null;
  private editedAt = 0;
  private readonly autosave: Autosave<ScorecardBody, Scorecard>;
  private readonly key: string;

  constructor(
    sessionId: string,
    private readonly deps: ScorecardStoreDeps,
  ) {
    this.key = draftStorageKey(sessionId);
    this.autosave = new Autosave<ScorecardBody, Scorecard>({
      save: deps.save,
      classify: deps.classify,
      debounceMs: deps.debounceMs,
      timers: deps.timers,
      onState: (save) => {
        // Refused as locked while this tab still took the card for a draft: it was submitted elsewhere.
        const surprised = save.status === 'locked' && this.snapshot.status === 'draft';
        this.set({ save });
        if (surprised) deps.onLocked();
      },
      onSaved: (_body, card, settled) => {
        this.baseUpdatedAt = card.updatedAt;
        deps.onServerCard(card);
        // What is still waiting now builds on this save: a reload must know it.
        if (settled) this.forget();
        else this.persist();
      },
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ScorecardSnapshot => this.snapshot;

  get unsaved(): boolean {
    return this.autosave.unsaved;
  }

  /** The server's copy, from a read or an action (submit, release). */
  receive(card: Scorecard): void {
    if (this.snapshot.draft === null) {
      const { draft, unsaved } = pickInitialDraft(card, parseStoredDraft(this.read()));
      this.baseUpdatedAt = card.updatedAt;
      this.set({ draft, status: card.status });
      if (card.status !== 'draft') this.lock();
      else if (unsaved) this.autosave.change(draftToBody(draft));
      else this.forget();
      return;
    }
    if (card.status !== 'draft') {
      this.baseUpdatedAt = card.updatedAt;
      this.set({ draft: draftFromScorecard(card), status: card.status });
      this.lock();
      return;
    }
    if (this.autosave.current.status === 'locked') {
      // A save was refused as locked, but the server's copy is a draft after all: editable again.
      this.autosave.reset('saved');
    } else if (this.autosave.unsaved || card.updatedAt === this.baseUpdatedAt) {
      return;
    }
    this.baseUpdatedAt = card.updatedAt;
    this.set({ draft: draftFromScorecard(card), status: card.status });
  }

  edit(change: (draft: ScorecardDraft) => ScorecardDraft): void {
    const { draft, status } = this.snapshot;
    if (!draft || status !== 'draft') return;
    const next = change(draft);
    if (next === draft) return;
    this.editedAt = this.deps.now();
    this.set({ draft: next });
    this.persist();
    this.autosave.change(draftToBody(next));
  }

  /** Saves what is waiting now; true once the server has everything. */
  flush(): Promise<boolean> {
    return this.autosave.flush();
  }

  start(): void {
    this.autosave.start();
  }

  stop(): void {
    this.autosave.stop();
  }

  private lock(): void {
    this.autosave.reset('locked');
    this.forget();
  }

  private set(change: Partial<ScorecardSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  private persist(): void {
    const { draft } = this.snapshot;
    if (!draft) return;
    try {
      this.deps.storage?.setItem(this.key, serializeStoredDraft({ draft, editedAt: this.editedAt || this.deps.now(), baseUpdatedAt: this.baseUpdatedAt }));
    } catch {
      // Storage full or denied (a private window): the draft still saves to the server, just not here.
    }
  }

  private read(): string | null {
    try {
      return this.deps.storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }

  private forget(): void {
    try {
      this.deps.storage?.removeItem(this.key);
    } catch {
      // Nothing to clean up where storage is denied.
    }
  }
}
