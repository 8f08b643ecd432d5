/** The 7-step framework an ML system design interview follows, in order. */
export const FRAMEWORK_STEPS = [
  { id: 'requirements', title: 'Clarify requirements' },
  { id: 'framing', title: 'Frame as an ML task' },
  { id: 'data', title: 'Data preparation' },
  { id: 'model', title: 'Model development' },
  { id: 'evaluation', title: 'Evaluation' },
  { id: 'serving', title: 'Deployment and serving' },
  { id: 'monitoring', title: 'Monitoring' },
] as const;

export type FrameworkStepId = (typeof FRAMEWORK_STEPS)[number]['id'];
