import {
  FRAMEWORK_STEPS,
  type FrameworkStep,
  frameworkStep,
  INTERVIEW_LENGTHS,
  type InterviewLength,
  isStepId,
  STEP_IDS,
  stepBudgetsMs,
} from './framework';

const MINUTE_MS = 60_000;

const totalMinutes = (steps: readonly FrameworkStep[], length: InterviewLength): number =>
  steps.reduce((sum, s) => sum + s.budgetMinutes[length], 0);

const sum = (values: Record<string, number>): number => Object.values(values).reduce((a, b) => a + b, 0);

describe('framework', () => {
  it('has the seven steps in interview order', () => {
    expect(STEP_IDS).toEqual(['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring']);
  });

  it.each(INTERVIEW_LENGTHS)('budgets add up to a %i-minute interview', (length) => {
    expect(totalMinutes(FRAMEWORK_STEPS, length)).toBe(length);
    for (const step of FRAMEWORK_STEPS) expect(step.budgetMinutes[length]).toBeGreaterThan(0);
  });

  it('the budget check fails for a copy with one minute moved out', () => {
    const broken: FrameworkStep[] = FRAMEWORK_STEPS.map((s) =>
      s.id === 'data' ? { ...s, budgetMinutes: { ...s.budgetMinutes, 45: s.budgetMinutes[45] - 1 } } : s,
    );
    expect(totalMinutes(broken, 45)).toBe(44);
  });

  it.each(INTERVIEW_LENGTHS)('gives requirements 5–10 minutes of a %i-minute interview', (length) => {
    const minutes = frameworkStep('requirements').budgetMinutes[length];
    expect(minutes).toBeGreaterThanOrEqual(5);
    expect(minutes).toBeLessThanOrEqual(10);
  });

  it('gives every step a title, a goal and what it covers', () => {
    for (const step of FRAMEWORK_STEPS) {
      expect(step.title.trim()).not.toBe('');
      expect(step.goal.trim()).not.toBe('');
      expect(step.covers.length).toBeGreaterThan(0);
      for (const item of step.covers) expect(item.trim()).not.toBe('');
    }
  });

  it('stepBudgetsMs(45) covers every step and sums to 45 minutes', () => {
    const budgets = stepBudgetsMs(45);
    expect(Object.keys(budgets).sort()).toEqual([...STEP_IDS].sort());
    expect(sum(budgets)).toBe(45 * MINUTE_MS);
    expect(budgets.requirements).toBe(frameworkStep('requirements').budgetMinutes[45] * MINUTE_MS);
  });

  it('stepBudgetsMs(60) sums to 60 minutes', () => {
    expect(sum(stepBudgetsMs(60))).toBe(60 * MINUTE_MS);
  });

  it('recognises step ids and rejects anything else', () => {
    for (const id of STEP_IDS) expect(isStepId(id)).toBe(true);
    for (const value of ['Requirements', 'deployment', '', 7, null, undefined]) expect(isStepId(value)).toBe(false);
  });
});
