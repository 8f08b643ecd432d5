import type { FrameworkStepId } from './framework';

/** An observable behaviour the interviewer ticks when they see it; ids are stable (scorecards store them). */
export interface RubricSignal {
  id: string;
  text: string;
}

/** What each step is scored on, in the framework's order. */
export const RUBRIC_SIGNALS: Readonly<Record<FrameworkStepId, readonly RubricSignal[]>> = {
  requirements: [
    { id: 'req-business-goal', text: 'Asked what the business is trying to achieve before proposing anything' },
    { id: 'req-scale-latency', text: 'Asked about scale and the latency budget before designing' },
    { id: 'req-data-available', text: 'Found out what data and labels exist today' },
    { id: 'req-constraints', text: 'Raised constraints such as privacy, freshness, cold start or cost' },
  ],
  framing: [
    { id: 'frame-objective', text: 'Turned the business goal into an ML objective and said how it serves the goal' },
    { id: 'frame-output', text: 'Stated whether the output is a probability, a rank or a continuous value' },
    { id: 'frame-io', text: 'Defined the model’s input and output precisely' },
    { id: 'frame-category', text: 'Named the ML category and, for a large candidate set, a multi-stage design' },
  ],
  data: [
    { id: 'data-sources-labels', text: 'Named the data sources and how labels are obtained (explicit, implicit, delayed)' },
    { id: 'data-imbalance', text: 'Dealt with sampling and class imbalance' },
    { id: 'data-cleaning', text: 'Handled missing values and normalisation, and named where features are stored' },
    { id: 'data-features', text: 'Proposed concrete features, including embeddings, with their freshness' },
    { id: 'data-skew', text: 'Kept training and serving features consistent (a shared feature store or logging)' },
  ],
  model: [
    { id: 'model-baseline', text: 'Started from a simple baseline' },
    { id: 'model-choice', text: 'Chose a model with reasons and named its trade-offs' },
    { id: 'model-loss', text: 'Picked a loss that matches the objective, and a sound training/validation split' },
    { id: 'model-scale', text: 'Planned training at scale (distributed training) where the data needs it' },
  ],
  evaluation: [
    { id: 'eval-offline-metric', text: 'Chose an offline metric that fits the task (ROC-AUC/PR-AUC, RMSE, NDCG/MAP)' },
    { id: 'eval-online-metric', text: 'Tied online metrics to the business, with guardrail metrics' },
    { id: 'eval-tradeoff', text: 'Justified an accuracy-versus-latency trade-off' },
    { id: 'eval-gap', text: 'Explained why offline and online results may disagree' },
  ],
  serving: [
    { id: 'serve-mode', text: 'Chose batch or online prediction with reasons' },
    { id: 'serve-latency', text: 'Split the latency budget across stages, with caching or compression where needed' },
    { id: 'serve-rollout', text: 'Planned a canary or A/B rollout on a small share of traffic with ML and business guardrails' },
    { id: 'serve-rollback', text: 'Had a rollback plan' },
  ],
  monitoring: [
    { id: 'mon-drift', text: 'Named data drift and a retraining cadence (scheduled or online)' },
    { id: 'mon-distributions', text: 'Monitored feature and prediction distributions, with alerts' },
    { id: 'mon-delayed-labels', text: 'Tracked model quality once delayed labels arrive' },
    { id: 'mon-feedback-loops', text: 'Recognised feedback loops and the bias they bring' },
  ],
};

/** What each score means, whatever the step. */
export const SCORE_ANCHORS = {
  1: 'No signal: the step was skipped or the answer was wrong',
  2: 'Weak: touched on the step but missed most of what matters',
  3: 'Solid: covered what a strong answer covers, with reasons',
  4: 'Exceptional: covered it all and went deeper, with trade-offs unprompted',
} as const;

export type StepScore = 1 | 2 | 3 | 4;
/** A step's mark: a score, `not_covered` (the interview never reached it), or null while not scored. */
export type StepMark = StepScore | 'not_covered' | null;

export const RECOMMENDATIONS = ['strong_no_hire', 'no_hire', 'lean_no_hire', 'lean_hire', 'hire', 'strong_hire'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const RECOMMENDATION_LABELS: Readonly<Record<Recommendation, string>> = {
  strong_no_hire: 'Strong no hire',
  no_hire: 'No hire',
  lean_no_hire: 'Lean no hire',
  lean_hire: 'Lean hire',
  hire: 'Hire',
  strong_hire: 'Strong hire',
};

export function signalIds(step: FrameworkStepId): string[] {
  return RUBRIC_SIGNALS[step].map((s) => s.id);
}

/** The mean of a scorecard's numeric step scores, to one decimal; null when no step has one. */
export function averageScore(steps: readonly { score: StepMark }[]): number | null {
  const scores = steps.map((s) => s.score).filter((s): s is StepScore => typeof s === 'number');
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((sum, s) => sum + s, 0) / scores.length) * 10) / 10;
}
