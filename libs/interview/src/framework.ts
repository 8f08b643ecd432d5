/** The 7-step framework an ML system design interview follows, in order. */
export interface FrameworkStep {
  id: string;
  title: string;
  /** What the step is for, in one line. */
  goal: string;
  /** What a strong answer covers in this step, whatever the problem. */
  covers: readonly string[];
  /** Minutes this step gets in an interview of each supported length; each column adds up to its length. */
  budgetMinutes: Readonly<Record<InterviewLength, number>>;
}

export const INTERVIEW_LENGTHS = [45, 60] as const;
export type InterviewLength = (typeof INTERVIEW_LENGTHS)[number];

export const FRAMEWORK_STEPS = [
  {
    id: 'requirements',
    title: 'Clarify requirements',
    goal: 'Pin down the business goal, the users, the scale and the constraints before designing anything.',
    covers: [
      'the business objective and who the users are',
      'scale: items, users, requests per second',
      'the latency budget and freshness needs',
      'what data and labels exist today',
      'constraints: privacy, fairness, cold start, cost',
    ],
    budgetMinutes: { 45: 6, 60: 8 },
  },
  {
    id: 'framing',
    title: 'Frame as an ML task',
    goal: 'Turn the business goal into an ML objective with a defined input, output and task type.',
    covers: [
      'the ML objective and how it serves the business goal',
      'whether the output is a probability, a rank or a continuous value',
      'the input and the output of each model',
      'the ML category, and a multi-stage design where the candidate set is large',
    ],
    budgetMinutes: { 45: 4, 60: 5 },
  },
  {
    id: 'data',
    title: 'Data preparation',
    goal: 'Say where training data and labels come from and how raw data becomes features.',
    covers: [
      'data sources and how labels are obtained (explicit, implicit, delayed, noisy)',
      'sampling and class imbalance',
      'cleaning, missing values, normalisation and encoding',
      'embeddings and feature freshness',
      'a feature store shared by training and serving',
    ],
    budgetMinutes: { 45: 8, 60: 11 },
  },
  {
    id: 'model',
    title: 'Model development',
    goal: 'Choose a model with reasons, starting from a baseline, and say how it is trained.',
    covers: [
      'a simple baseline first',
      'the model choice and its trade-offs',
      'the loss function and how training data is split',
      'distributed training when the data is large',
      'how often the model is retrained',
    ],
    budgetMinutes: { 45: 8, 60: 11 },
  },
  {
    id: 'evaluation',
    title: 'Evaluation',
    goal: 'Measure the model offline with metrics that fit the task, and online against the business goal.',
    covers: [
      'offline metrics that fit the task type',
      'online metrics tied to the business, and guardrail metrics',
      'how offline and online results can disagree',
      'the accuracy-versus-latency trade-off',
    ],
    budgetMinutes: { 45: 7, 60: 9 },
  },
  {
    id: 'serving',
    title: 'Deployment and serving',
    goal: 'Serve predictions within the latency budget and roll the model out safely.',
    covers: [
      'batch versus online prediction',
      'the latency budget of each stage, with caching or compression where needed',
      'shadow mode, then a canary or A/B test on about 5 % of traffic',
      'ML and business guardrails, and a rollback plan',
    ],
    budgetMinutes: { 45: 7, 60: 9 },
  },
  {
    id: 'monitoring',
    title: 'Monitoring',
    goal: 'Keep the model healthy in production: detect drift, track performance, retrain.',
    covers: [
      'data and concept drift detection',
      'feature and prediction distribution monitoring, with alerts',
      'tracking performance once delayed labels arrive',
      'the retraining cadence and the pipeline that runs it',
      'feedback loops and the biases they bring',
    ],
    budgetMinutes: { 45: 5, 60: 7 },
  },
] as const satisfies readonly FrameworkStep[];

export type FrameworkStepId = (typeof FRAMEWORK_STEPS)[number]['id'];

export const STEP_IDS: readonly FrameworkStepId[] = FRAMEWORK_STEPS.map((s) => s.id);

export function isStepId(value: unknown): value is FrameworkStepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function frameworkStep(id: FrameworkStepId): FrameworkStep {
  return FRAMEWORK_STEPS.find((s) => s.id === id) as FrameworkStep;
}

/** Each step's time budget for an interview of the given length, in milliseconds. */
export function stepBudgetsMs(durationMinutes: number): Record<FrameworkStepId, number> {
  const length: InterviewLength = durationMinutes >= 60 ? 60 : 45;
  return Object.fromEntries(FRAMEWORK_STEPS.map((s) => [s.id, s.budgetMinutes[length] * 60_000])) as Record<FrameworkStepId, number>;
}
