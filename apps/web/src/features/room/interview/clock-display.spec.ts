import { describe, expect, it } from '@jest/globals';
import { STEP_IDS } from '@mockboard/interview';
import type { SessionState } from '@mockboard/protocol';
import {
  adjacentStep,
  budgetLevel,
  formatClock,
  interviewPhase,
  msUntilNextSecond,
  newerState,
  stepElapsedMs,
  totalBudgetMs,
  totalElapsedMs,
  type ReceivedState,
} from './clock-display';

function state(patch: Partial<SessionState> = {}): SessionState {
  return {
    status: 'live',
    paused: false,
    currentStep: 'framing',
    startedAt: 1_000,
    endedAt: null,
    serverNow: 500_000,
    version: 3,
    nextSessionId: null,
    revealed: [],
    steps: STEP_IDS.map((step) => ({ step, budgetMs: 6 * 60_000, elapsedMs: step === 'requirements' ? 300_400 : step === 'framing' ? 10_250 : 0 })),
    ...patch,
  };
}

const received = (patch: Partial<SessionState> = {}, receivedAt = 2_000): ReceivedState => ({ state: state(patch), receivedAt });

describe('newerState (rule I1: keep the highest version)', () => {
  it('keeps the higher version whichever arrives first', () => {
    const old = received({ version: 3 });
    const recent = received({ version: 4 });
    expect(newerState(old, recent)).toBe(recent);
    expect(newerState(recent, old)).toBe(recent);
  });

  it('on an equal version, keeps the later reading of the clock', () => {
    const first = received({ serverNow: 1_000 });
    const later = received({ serverNow: 2_000 });
    expect(newerState(first, later)).toBe(later);
    expect(newerState(later, first)).toBe(later);
  });

  it('takes whichever exists', () => {
    const only = received();
    expect(newerState(null, only)).toBe(only);
    expect(newerState(only, null)).toBe(only);
    expect(newerState(null, null)).toBeNull();
  });
});

describe('elapsed time', () => {
  it('runs the current step on from its receipt, and only it', () => {
    const r = received();
    expect(stepElapsedMs(r, 'framing', 2_000)).toBe(10_250);
    expect(stepElapsedMs(r, 'framing', 5_500)).toBe(13_750);
    expect(stepElapsedMs(r, 'requirements', 5_500)).toBe(300_400);
    expect(totalElapsedMs(r, 5_500)).toBe(300_400 + 13_750);
  });

  it.each([
    { name: 'paused', patch: { paused: true } },
    { name: 'ended', patch: { status: 'ended' as const, endedAt: 9_000 } },
    { name: 'not started', patch: { status: 'scheduled' as const, currentStep: null, startedAt: null } },
  ])('stands still when $name', ({ patch }) => {
    const r = received(patch);
    expect(stepElapsedMs(r, 'framing', 60_000)).toBe(10_250);
    expect(msUntilNextSecond(r, 60_000)).toBeNull();
  });

  it('never counts back when the clock reading predates the receipt', () => {
    expect(stepElapsedMs(received(), 'framing', 1_000)).toBe(10_250);
  });

  it('sums the budgets into the interview length', () => {
    expect(totalBudgetMs(state())).toBe(7 * 6 * 60_000);
  });
});

describe('msUntilNextSecond', () => {
  it('waits for whichever shown clock changes its second first', () => {
    // At receipt the step shows 10.250 s (next second in 750 ms) and the total 310.650 s (in 350 ms)...
    expect(msUntilNextSecond(received(), 2_000)).toBe(350);
    // ...and 500 ms later, 10.750 s (in 250 ms) and 311.150 s (in 850 ms).
    expect(msUntilNextSecond(received(), 2_500)).toBe(250);
  });
});

describe('budgetLevel', () => {
  it.each([
    { elapsed: 0, level: 'within' },
    { elapsed: 287_999, level: 'within' },
    { elapsed: 288_000, level: 'near' },
    { elapsed: 360_000, level: 'near' },
    { elapsed: 360_001, level: 'over' },
  ])('$elapsed ms of 6 min is $level', ({ elapsed, level }) => {
    expect(budgetLevel(elapsed, 360_000)).toBe(level);
  });
});

describe('formatClock', () => {
  it.each([
    { ms: 0, text: '00:00' },
    { ms: 999, text: '00:00' },
    { ms: 192_500, text: '03:12' },
    { ms: 3_723_000, text: '1:02:03' },
    { ms: -5, text: '00:00' },
  ])('$ms ms is $text', ({ ms, text }) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('steps and phases', () => {
  it('names the step either side, and none past the ends', () => {
    expect(adjacentStep('requirements', 1)).toBe('framing');
    expect(adjacentStep('framing', -1)).toBe('requirements');
    expect(adjacentStep('requirements', -1)).toBeNull();
    expect(adjacentStep('monitoring', 1)).toBeNull();
    expect(adjacentStep(null, 1)).toBeNull();
  });

  it('tells paused from live', () => {
    expect(interviewPhase(state())).toBe('live');
    expect(interviewPhase(state({ paused: true }))).toBe('paused');
    expect(interviewPhase(state({ status: 'scheduled' }))).toBe('not-started');
    expect(interviewPhase(state({ status: 'ended' }))).toBe('ended');
  });
});
