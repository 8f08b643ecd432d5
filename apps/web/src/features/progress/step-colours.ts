import type { FrameworkStepId } from '@mockboard/interview';

/** One colour per step, told apart by people with the common colour-vision deficiencies (Okabe–Ito based). */
export const STEP_COLOURS: Readonly<Record<FrameworkStepId, string>> = {
  requirements: '#4f46e5',
  framing: '#e69f00',
  data: '#009e73',
  model: '#cc79a7',
  evaluation: '#0072b2',
  serving: '#d55e00',
  monitoring: '#56b4e9',
};
