import { FRAMEWORK_STEPS, RECOMMENDATION_LABELS, SCORE_ANCHORS, type FrameworkStepId, type Recommendation, type StepMark } from '@mockboard/interview';
import type { RubricNote, ScorecardStep } from '@mockboard/protocol';

const STEP_TITLES: ReadonlyMap<string, string> = new Map(FRAMEWORK_STEPS.map((s) => [s.id, s.title]));

export function stepTitle(step: FrameworkStepId): string {
  return STEP_TITLES.get(step) ?? step;
}

/** "3. Data preparation": the numbered title the room's agenda uses. */
export function numberedStepTitle(step: FrameworkStepId): string {
  const index = FRAMEWORK_STEPS.findIndex((s) => s.id === step);
  return index < 0 ? step : `${String(index + 1)}. ${stepTitle(step)}`;
}

export function recommendationLabel(recommendation: Recommendation | null): string | null {
  return recommendation ? RECOMMENDATION_LABELS[recommendation] : null;
}

/** What a step's mark says, in words: the score with its anchor, or why there is none. */
export function markText(mark: StepMark): { value: string; meaning: string } {
  if (mark === null) return { value: 'Not scored', meaning: 'The interviewer has not scored this step.' };
  if (mark === 'not_covered') return { value: 'Not covered', meaning: 'The interview did not reach this step.' };
  return { value: `${String(mark)} / 4`, meaning: SCORE_ANCHORS[mark] };
}

/**
 * The mean of the scored steps (not covered and unscored ones left out), or null when none is scored. The
 * session view carries the server's figure; this is for the page that already holds the whole card.
 */
export function averageOfSteps(steps: readonly Pick<ScorecardStep, 'score'>[]): number | null {
  const scores = steps.map((s) => s.score).filter((score): score is 1 | 2 | 3 | 4 => typeof score === 'number');
  if (scores.length === 0) return null;
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/** One decimal, as "2.8 / 4" reads; a whole number keeps its ".0" so a column of averages lines up. */
export function formatAverage(average: number): string {
  return (Math.round(average * 10) / 10).toFixed(1);
}

/**
 * A note's session time as `mm:ss`; minutes go past 59 (an overrun hour reads 61:30) so a column of times
 * keeps one shape. Notes written before the start have none.
 */
export function formatSessionTime(atMs: number | null): string | null {
  if (atMs === null) return null;
  const seconds = Math.floor(Math.max(0, atMs) / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Notes in the order they were written: by session time (those before the start first), then by id. */
export function sortNotes(notes: readonly RubricNote[]): RubricNote[] {
  return [...notes].sort((a, b) => (a.atMs ?? -1) - (b.atMs ?? -1) || a.id - b.id);
}

export type Helpfulness = 1 | 2 | 3 | 4;

export const HELPFULNESS_LABELS: Readonly<Record<Helpfulness, string>> = {
  1: 'Not helpful',
  2: 'Somewhat helpful',
  3: 'Helpful',
  4: 'Very helpful',
};

export const HELPFULNESS_VALUES = [1, 2, 3, 4] as const satisfies readonly Helpfulness[];
