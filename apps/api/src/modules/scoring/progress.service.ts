import { Injectable } from '@nestjs/common';
import { PROBLEMS, STEP_IDS, type FrameworkStepId } from '@mockboard/interview';
import type { ProgressResponse } from '@mockboard/protocol';
import { ProblemsService } from '../problems/problems.service';
import { completeSteps } from './scorecard-view';
import { ScorecardsRepository } from './scorecards.repository';

const SUGGESTED_PROBLEMS = 3;

/** A candidate's progress over their released scorecards (rule R7). */
@Injectable()
export class ProgressService {
  constructor(
    private readonly scorecards: ScorecardsRepository,
    private readonly problems: ProblemsService,
  ) {}

  async progress(userId: string): Promise<ProgressResponse> {
    const cards = (await this.scorecards.releasedFor(userId)).map((card) => ({ ...card, steps: completeSteps(card.steps) }));
    const steps = STEP_IDS.map((step) => {
      const trend = cards.flatMap((card) => {
        const score = card.steps.find((s) => s.step === step)?.score;
        return typeof score === 'number' ? [{ sessionId: card.sessionId, at: card.heldAt.toISOString(), score }] : [];
      });
      const average = trend.length === 0 ? null : round(trend.reduce((sum, t) => sum + t.score, 0) / trend.length);
      return { step, average, count: trend.length, trend };
    });

    // The latest released card for each problem practised.
    const latest = new Map(cards.map((card) => [card.problemSlug, card]));
    const titles = await this.problems.forSessions([...latest.keys()]);
    const coverage = [...latest.values()].map((card) => ({
      problemSlug: card.problemSlug,
      problemTitle: titles.get(card.problemSlug)?.title ?? card.problemSlug,
      steps: Object.fromEntries(card.steps.map((s) => [s.step, typeof s.score === 'number' ? s.score : null])) as Record<FrameworkStepId, number | null>,
    }));

    const scored = steps.filter((s) => s.average !== null);
    const weakest = scored.reduce<(typeof scored)[number] | undefined>((low, s) => (!low || (s.average ?? 0) < (low.average ?? 0) ? s : low), undefined);
    const suggestion = weakest ? { step: weakest.step, problems: this.suggest(weakest.step, coverage) } : null;
    return { steps, coverage, suggestion };
  }

  /** Problems not practised yet, else those where the step scored lowest. */
  private suggest(step: FrameworkStepId, coverage: ProgressResponse['coverage']): string[] {
    const practised = new Map(coverage.map((c) => [c.problemSlug, c.steps[step] ?? 0]));
    const fresh = PROBLEMS.filter((p) => !practised.has(p.slug)).map((p) => p.slug);
    const weakFirst = [...practised].sort((a, b) => a[1] - b[1]).map(([slug]) => slug);
    return [...fresh, ...weakFirst].slice(0, SUGGESTED_PROBLEMS);
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
