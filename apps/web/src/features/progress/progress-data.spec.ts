import { describe, expect, it } from '@jest/globals';
import { STEP_IDS, type FrameworkStepId } from '@mockboard/interview';
import type { ProgressResponse } from '@mockboard/protocol';
import { chartedSteps, formatScore, hasProgress, suggestedProblems, trendRows } from './progress-data';

type StepProgress = ProgressResponse['steps'][number];

function progress(trends: Partial<Record<FrameworkStepId, StepProgress['trend']>>, coverage: ProgressResponse['coverage'] = []): ProgressResponse {
  return {
    steps: STEP_IDS.map((step) => {
      const trend = trends[step] ?? [];
      const average = trend.length === 0 ? null : trend.reduce((sum, p) => sum + p.score, 0) / trend.length;
      return { step, average, count: trend.length, trend };
    }),
    coverage,
    suggestion: null,
  };
}

describe('hasProgress', () => {
  it('is false with no released scorecard', () => {
    expect(hasProgress(progress({}))).toBe(false);
  });

  it('is true once a step has a score, or a problem was practised (every step not covered)', () => {
    expect(hasProgress(progress({ data: [{ sessionId: 's1', at: '2026-11-01T10:00:00Z', score: 2 }] }))).toBe(true);
    const steps = Object.fromEntries(STEP_IDS.map((s) => [s, null])) as Record<FrameworkStepId, null>;
    expect(hasProgress(progress({}, [{ problemSlug: 'eta-prediction', problemTitle: 'ETA', steps }]))).toBe(true);
  });
});

describe('trendRows', () => {
  it('folds the steps into one row per session, oldest first', () => {
    const rows = trendRows(
      progress({
        requirements: [
          { sessionId: 'late', at: '2026-11-03T10:00:00Z', score: 4 },
          { sessionId: 'early', at: '2026-11-01T10:00:00Z', score: 2 },
        ],
        model: [{ sessionId: 'early', at: '2026-11-01T10:00:00Z', score: 3 }],
      }),
    );
    expect(rows).toEqual([
      { sessionId: 'early', at: Date.parse('2026-11-01T10:00:00Z'), requirements: 2, model: 3 },
      { sessionId: 'late', at: Date.parse('2026-11-03T10:00:00Z'), requirements: 4 },
    ]);
  });

  it('orders sessions released at the same instant by id', () => {
    const at = '2026-11-01T10:00:00Z';
    const rows = trendRows(progress({ data: [{ sessionId: 'b', at, score: 1 }, { sessionId: 'a', at, score: 2 }] }));
    expect(rows.map((r) => r.sessionId)).toEqual(['a', 'b']);
  });
});

describe('chartedSteps', () => {
  it('lists the steps with a score, in framework order', () => {
    const point = [{ sessionId: 's', at: '2026-11-01T10:00:00Z', score: 3 }];
    expect(chartedSteps(progress({ monitoring: point, framing: point }))).toEqual(['framing', 'monitoring']);
  });
});

describe('formatScore', () => {
  it('writes whole scores bare and averages with one decimal', () => {
    expect(formatScore(3)).toBe('3');
    expect(formatScore(2.5)).toBe('2.5');
  });
});

describe('suggestedProblems', () => {
  it('titles each slug from the problem list, else from coverage, else the slug; only listed ones can be started', () => {
    const coverage = [{ problemSlug: 'old', problemTitle: 'An old one', steps: {} as Record<FrameworkStepId, number | null> }];
    expect(suggestedProblems(['eta-prediction', 'old', 'gone'], [{ slug: 'eta-prediction', title: 'ETA prediction' }], coverage)).toEqual([
      { slug: 'eta-prediction', title: 'ETA prediction', available: true },
      { slug: 'old', title: 'An old one', available: false },
      { slug: 'gone', title: 'gone', available: false },
    ]);
    expect(suggestedProblems(['eta-prediction'], undefined, [])[0]?.available).toBe(false);
  });
});
