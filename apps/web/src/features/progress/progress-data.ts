import { STEP_IDS, type FrameworkStepId } from '@mockboard/interview';
import type { ProblemSummary, ProgressResponse } from '@mockboard/protocol';
import { formatAverage } from '../scorecard/scorecard-format';

/** Whether any released scorecard counts yet; before that the page has nothing to chart. */
export function hasProgress(progress: ProgressResponse): boolean {
  return progress.steps.some((s) => s.count > 0) || progress.coverage.length > 0;
}

/** One released scorecard on the chart: its scores by step (a step it did not score is absent). */
export type TrendRow = { sessionId: string; at: number } & Partial<Record<FrameworkStepId, number>>;

/**
 * The per-step trends folded into one row per session, oldest first, which is the shape a multi-line
 * chart reads. Sessions released at the same instant keep a stable order (by id).
 */
export function trendRows(progress: ProgressResponse): TrendRow[] {
  const rows = new Map<string, TrendRow>();
  for (const { step, trend } of progress.steps) {
    for (const point of trend) {
      const row = rows.get(point.sessionId) ?? { sessionId: point.sessionId, at: Date.parse(point.at) };
      row[step] = point.score;
      rows.set(point.sessionId, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.at - b.at || a.sessionId.localeCompare(b.sessionId));
}

/** The steps that have at least one score, in framework order: the lines worth drawing. */
export function chartedSteps(progress: ProgressResponse): FrameworkStepId[] {
  const scored = new Set(progress.steps.filter((s) => s.trend.length > 0).map((s) => s.step));
  return STEP_IDS.filter((id) => scored.has(id));
}

/** A whole score as "3", an average as "2.5". */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : formatAverage(score);
}

/**
 * Titles for the suggested problems: from the user's problem list (built-in and their own), else from
 * what they practised, else the slug itself, so a problem deleted since still reads as something.
 */
export function suggestedProblems(
  slugs: readonly string[],
  problems: readonly Pick<ProblemSummary, 'slug' | 'title'>[] | undefined,
  coverage: ProgressResponse['coverage'],
): { slug: string; title: string; available: boolean }[] {
  return slugs.map((slug) => {
    const listed = problems?.find((p) => p.slug === slug);
    const title = listed?.title ?? coverage.find((c) => c.problemSlug === slug)?.problemTitle ?? slug;
    return { slug, title, available: listed !== undefined };
  });
}
