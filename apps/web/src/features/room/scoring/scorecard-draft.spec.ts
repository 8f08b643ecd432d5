import { describe, expect, it } from '@jest/globals';
import { STEP_IDS } from '@mockboard/interview';
import type { Scorecard } from '@mockboard/protocol';
import {
  draftFromScorecard,
  draftToBody,
  emptyDraft,
  missingForSubmit,
  parseStoredDraft,
  pickInitialDraft,
  sameDraft,
  serializeStoredDraft,
  withSignal,
  withStep,
  type ScorecardDraft,
  type StoredDraft,
} from './scorecard-draft';
import { scorecardFixture } from './scorecard.fixture';

/** Saved once on the server, unless a test says otherwise. */
const card = (overrides: Partial<Scorecard> = {}): Scorecard => scorecardFixture({ updatedAt: '2026-11-30T10:00:00.000Z', ...overrides });

const edited = withSignal(withStep(emptyDraft(), 'requirements', { score: 3, notes: 'asked about QPS ' }), 'requirements', 'req-scale-latency', true);

describe('draftToBody', () => {
  it('sends every step in framework order, text trimmed (the server refuses text that is only spaces)', () => {
    const body = draftToBody(withStep(edited, 'data', { notes: '   \n' }));
    expect(body.steps?.map((s) => s.step)).toEqual([...STEP_IDS]);
    expect(body.steps?.[0]).toEqual({ step: 'requirements', score: 3, signals: ['req-scale-latency'], notes: 'asked about QPS' });
    expect(body.steps?.find((s) => s.step === 'data')?.notes).toBe('');
  });

  it('lists ticked signals in the rubric order, whatever order they were ticked in', () => {
    let draft = withSignal(emptyDraft(), 'requirements', 'req-constraints', true);
    draft = withSignal(draft, 'requirements', 'req-business-goal', true);
    expect(draftToBody(draft).steps?.[0]?.signals).toEqual(['req-business-goal', 'req-constraints']);
    expect(draftToBody(withSignal(draft, 'requirements', 'req-business-goal', false)).steps?.[0]?.signals).toEqual(['req-constraints']);
  });
});

describe('sameDraft', () => {
  it('ignores surrounding whitespace, not content', () => {
    expect(sameDraft(withStep(emptyDraft(), 'model', { notes: 'x ' }), withStep(emptyDraft(), 'model', { notes: 'x' }))).toBe(true);
    expect(sameDraft(withStep(emptyDraft(), 'model', { notes: 'x' }), withStep(emptyDraft(), 'model', { notes: 'y' }))).toBe(false);
  });
});

describe('stored drafts', () => {
  it('round-trip', () => {
    const stored: StoredDraft = { draft: edited, editedAt: 5, baseUpdatedAt: 'b' };
    expect(parseStoredDraft(serializeStoredDraft(stored))).toEqual(stored);
  });

  it.each([
    ['nothing', null],
    ['not JSON', '{'],
    ['another version', JSON.stringify({ v: 99, draft: {}, editedAt: 1 })],
    ['no edit time', JSON.stringify({ v: 1, draft: {} })],
  ])('read %s as no draft', (_name, raw) => {
    expect(parseStoredDraft(raw)).toBeNull();
  });

  it('drop what is not a valid part of a draft (unknown signals, scores, recommendations)', () => {
    const raw = JSON.stringify({
      v: 1,
      editedAt: 1,
      baseUpdatedAt: 7,
      draft: {
        steps: { requirements: { score: 9, signals: ['req-business-goal', 'nope'], notes: 3 }, model: { score: 'not_covered', signals: 'x', notes: 'ok' }, bogus: {} },
        recommendation: 'maybe',
        strengths: 'good',
      },
    });
    const parsed = parseStoredDraft(raw);
    expect(parsed?.baseUpdatedAt).toBeNull();
    expect(parsed?.draft.steps.requirements).toEqual({ score: null, signals: ['req-business-goal'], notes: '' });
    expect(parsed?.draft.steps.model).toEqual({ score: 'not_covered', signals: [], notes: 'ok' });
    expect(parsed?.draft.recommendation).toBeNull();
    expect(parsed?.draft.strengths).toBe('good');
    expect(Object.keys(parsed?.draft.steps ?? {})).toEqual([...STEP_IDS]);
  });
});

describe('pickInitialDraft', () => {
  const server = card({ updatedAt: '2026-11-30T10:00:00.000Z' });
  const at = (iso: string): number => Date.parse(iso);

  it('opens the server copy when nothing is stored', () => {
    expect(pickInitialDraft(server, null)).toEqual({ draft: draftFromScorecard(server), unsaved: false });
  });

  it('keeps unsent changes made on top of the server copy, whatever the clocks say', () => {
    const stored = { draft: edited, editedAt: 0, baseUpdatedAt: server.updatedAt };
    expect(pickInitialDraft(server, stored)).toEqual({ draft: edited, unsaved: true });
  });

  it('keeps unsent changes made after the server copy was saved, even on top of an older one', () => {
    const stored = { draft: edited, editedAt: at('2026-11-30T10:00:05.000Z'), baseUpdatedAt: '2026-11-30T09:00:00.000Z' };
    expect(pickInitialDraft(server, stored).unsaved).toBe(true);
  });

  it('keeps a draft stored before anything was ever saved', () => {
    const stored = { draft: edited, editedAt: 1, baseUpdatedAt: null };
    expect(pickInitialDraft(card({ updatedAt: null }), stored)).toEqual({ draft: edited, unsaved: true });
  });

  it('prefers a server copy saved later than the stored changes (another tab saved after)', () => {
    const stored = { draft: edited, editedAt: at('2026-11-30T09:59:00.000Z'), baseUpdatedAt: '2026-11-30T09:00:00.000Z' };
    expect(pickInitialDraft(server, stored)).toEqual({ draft: draftFromScorecard(server), unsaved: false });
  });

  it('has nothing unsaved when the stored draft equals the server copy', () => {
    const saved = card({ steps: draftToBody(edited).steps?.map((s) => ({ step: s.step, score: s.score ?? null, signals: s.signals ?? [], notes: s.notes ?? '' })) });
    const stored = { draft: edited, editedAt: at('2026-11-30T11:00:00.000Z'), baseUpdatedAt: null };
    expect(pickInitialDraft(saved, stored).unsaved).toBe(false);
  });

  it('drops stored changes once the card is submitted', () => {
    const submitted = card({ status: 'submitted' });
    const stored = { draft: edited, editedAt: at('2026-11-30T11:00:00.000Z'), baseUpdatedAt: submitted.updatedAt };
    expect(pickInitialDraft(submitted, stored)).toEqual({ draft: draftFromScorecard(submitted), unsaved: false });
  });
});

describe('missingForSubmit', () => {
  it('names the steps not scored yet and the recommendation', () => {
    expect(missingForSubmit(edited)).toEqual([
      'Frame as an ML task',
      'Data preparation',
      'Model development',
      'Evaluation',
      'Deployment and serving',
      'Monitoring',
      'a recommendation',
    ]);
    let complete: ScorecardDraft = { ...edited, recommendation: 'hire' };
    for (const step of STEP_IDS) complete = withStep(complete, step, { score: step === 'monitoring' ? 'not_covered' : 2 });
    expect(missingForSubmit(complete)).toEqual([]);
  });
});
