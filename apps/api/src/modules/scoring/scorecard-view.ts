import type { ScorecardRow, StoredScorecardStep } from '@mockboard/db';
import { STEP_IDS, type FrameworkStepId } from '@mockboard/interview';
import type { Scorecard, ScorecardStep } from '@mockboard/protocol';

/** Every step in framework order; a draft that left one out shows it unscored. */
export function completeSteps(stored: readonly StoredScorecardStep[]): ScorecardStep[] {
  const byStep = new Map(stored.map((s) => [s.step, s]));
  return STEP_IDS.map((step) => {
    const saved = byStep.get(step);
    return { step, score: saved?.score ?? null, signals: saved?.signals ?? [], notes: saved?.notes ?? '' };
  });
}

export function scorecardView(sessionId: string, row: ScorecardRow | undefined): Scorecard {
  return {
    sessionId,
    status: !row ? 'draft' : row.releasedAt ? 'released' : row.submittedAt ? 'submitted' : 'draft',
    steps: completeSteps(row?.steps ?? []),
    recommendation: row?.recommendation ?? null,
    strengths: row?.strengths ?? '',
    improvements: row?.improvements ?? '',
    message: row?.message ?? '',
    updatedAt: row?.updatedAt.toISOString() ?? null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    releasedAt: row?.releasedAt?.toISOString() ?? null,
  };
}

/** What a submitted scorecard still lacks, in words for the 409 (rule R4); empty when complete. */
export function missingForSubmit(card: Scorecard): string[] {
  const unscored: FrameworkStepId[] = card.steps.filter((s) => s.score === null).map((s) => s.step);
  return [
    ...(unscored.length > 0 ? [`a score or "not covered" for ${unscored.join(', ')}`] : []),
    ...(card.recommendation ? [] : ['a recommendation']),
  ];
}
