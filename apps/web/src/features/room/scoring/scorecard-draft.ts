import {
  FRAMEWORK_STEPS,
  RECOMMENDATIONS,
  RUBRIC_SIGNALS,
  STEP_IDS,
  type FrameworkStepId,
  type Recommendation,
  type StepMark,
} from '@mockboard/interview';
import type { Scorecard, ScorecardBody } from '@mockboard/protocol';

/**
 * The interviewer's scorecard as the rubric panel edits it: every step present, text exactly as typed.
 * Pure, so the rules for merging a stored local draft with the server's copy are unit-tested.
 */
export interface DraftStep {
  score: StepMark;
  signals: string[];
  notes: string;
}

export interface ScorecardDraft {
  steps: Record<FrameworkStepId, DraftStep>;
  recommendation: Recommendation | null;
  strengths: string;
  improvements: string;
  message: string;
}

export type OverallField = 'strengths' | 'improvements' | 'message';

/** The limits the server applies (scoring.schemas.ts): the text boxes stop there rather than fail a save. */
export const DRAFT_TEXT_MAX = 5000;

export function emptyDraft(): ScorecardDraft {
  const steps = {} as Record<FrameworkStepId, DraftStep>;
  for (const id of STEP_IDS) steps[id] = { score: null, signals: [], notes: '' };
  return { steps, recommendation: null, strengths: '', improvements: '', message: '' };
}

export function draftFromScorecard(card: Scorecard): ScorecardDraft {
  const draft = emptyDraft();
  for (const step of card.steps) {
    if (step.step in draft.steps) draft.steps[step.step] = { score: step.score, signals: [...step.signals], notes: step.notes };
  }
  return { ...draft, recommendation: card.recommendation, strengths: card.strengths, improvements: card.improvements, message: card.message };
}

/**
 * What is sent: the whole draft, text trimmed. The server trims too, and refuses text that is only
 * whitespace (it is neither empty nor a paragraph), which a half-typed note often is.
 */
export function draftToBody(draft: ScorecardDraft): ScorecardBody {
  return {
    steps: STEP_IDS.map((step) => {
      const s = draft.steps[step];
      return { step, score: s.score, signals: orderedSignals(step, s.signals), notes: s.notes.trim() };
    }),
    recommendation: draft.recommendation,
    strengths: draft.strengths.trim(),
    improvements: draft.improvements.trim(),
    message: draft.message.trim(),
  };
}

/** Two drafts that would be saved the same (whitespace around text and the order of ticks do not count). */
export function sameDraft(a: ScorecardDraft, b: ScorecardDraft): boolean {
  return JSON.stringify(draftToBody(a)) === JSON.stringify(draftToBody(b));
}

function orderedSignals(step: FrameworkStepId, ids: readonly string[]): string[] {
  return RUBRIC_SIGNALS[step].map((s) => s.id).filter((id) => ids.includes(id));
}

export function withStep(draft: ScorecardDraft, step: FrameworkStepId, change: Partial<DraftStep>): ScorecardDraft {
  return { ...draft, steps: { ...draft.steps, [step]: { ...draft.steps[step], ...change } } };
}

export function withSignal(draft: ScorecardDraft, step: FrameworkStepId, signalId: string, observed: boolean): ScorecardDraft {
  const current = draft.steps[step].signals.filter((id) => id !== signalId);
  return withStep(draft, step, { signals: orderedSignals(step, observed ? [...current, signalId] : current) });
}

/** What submit still needs, in the words the panel shows next to the button. */
export function missingForSubmit(draft: ScorecardDraft): string[] {
  const missing: string[] = FRAMEWORK_STEPS.filter((step) => draft.steps[step.id].score === null).map((step) => step.title);
  if (!draft.recommendation) missing.push('a recommendation');
  return missing;
}

/** A draft kept in the browser until the server has it: the edit's time and the server copy it was based on. */
export interface StoredDraft {
  draft: ScorecardDraft;
  /** Epoch ms of the last edit. */
  editedAt: number;
  /** The server's `updatedAt` this draft started from (null: nothing saved yet). */
  baseUpdatedAt: string | null;
}

const STORED_VERSION = 1;

export function serializeStoredDraft(stored: StoredDraft): string {
  return JSON.stringify({ v: STORED_VERSION, ...stored });
}

/**
 * Reads back what `serializeStoredDraft` wrote, defensively: the entry may come from an older version of
 * the app or have been edited by hand. Whatever is not a valid part of a draft is dropped, never sent.
 */
export function parseStoredDraft(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || value['v'] !== STORED_VERSION || typeof value['editedAt'] !== 'number' || !isRecord(value['draft'])) return null;
  const baseUpdatedAt = typeof value['baseUpdatedAt'] === 'string' ? value['baseUpdatedAt'] : null;
  const source = value['draft'];
  const draft = emptyDraft();
  const steps = isRecord(source['steps']) ? source['steps'] : {};
  for (const id of STEP_IDS) {
    const step = steps[id];
    if (!isRecord(step)) continue;
    const known = RUBRIC_SIGNALS[id].map((s) => s.id);
    draft.steps[id] = {
      score: isStepMark(step['score']) ? step['score'] : null,
      signals: Array.isArray(step['signals']) ? known.filter((signal) => (step['signals'] as unknown[]).includes(signal)) : [],
      notes: text(step['notes']),
    };
  }
  const recommendation = source['recommendation'];
  draft.recommendation = RECOMMENDATIONS.find((r) => r === recommendation) ?? null;
  draft.strengths = text(source['strengths']);
  draft.improvements = text(source['improvements']);
  draft.message = text(source['message']);
  return { draft, editedAt: value['editedAt'], baseUpdatedAt };
}

/**
 * The draft to open with: the server's, unless this browser kept changes the server never got. Those win
 * when they were made on top of the server's current copy, or later than it was saved (another tab may
 * have saved in between; the newer edit is kept, as a person typing last would expect).
 * Once submitted the server's copy is final, and a stored draft is dropped.
 */
export function pickInitialDraft(server: Scorecard, stored: StoredDraft | null): { draft: ScorecardDraft; unsaved: boolean } {
  const serverDraft = draftFromScorecard(server);
  if (!stored || server.status !== 'draft' || sameDraft(stored.draft, serverDraft)) return { draft: serverDraft, unsaved: false };
  const serverTime = server.updatedAt ? Date.parse(server.updatedAt) : Number.NEGATIVE_INFINITY;
  const newer = server.updatedAt === stored.baseUpdatedAt || stored.editedAt > serverTime;
  return newer ? { draft: stored.draft, unsaved: true } : { draft: serverDraft, unsaved: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStepMark(value: unknown): value is StepMark {
  return value === null || value === 'not_covered' || value === 1 || value === 2 || value === 3 || value === 4;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, DRAFT_TEXT_MAX) : '';
}
