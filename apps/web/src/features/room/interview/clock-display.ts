import { STEP_IDS, type FrameworkStepId } from '@mockboard/interview';
import type { SessionState } from '@mockboard/protocol';

/**
 * What the agenda shows, computed from the last `session:state` and the time since it arrived. Pure, so the
 * rules are unit-tested: the server sends times as of its own `serverNow`, and each browser adds the time
 * elapsed on its own monotonic clock (`performance.now()`) since receipt. Two browsers, or a browser
 * before and after a reload, therefore agree to within their network latency, whatever their wall clocks say.
 */

/** A `session:state` and the moment it arrived, in `performance.now()` milliseconds. */
export interface ReceivedState {
  state: SessionState;
  receivedAt: number;
}

/**
 * The state to keep when another arrives: the higher version wins (a late REST answer must not undo a
 * pushed change). On an equal version, the later reading of the same clock wins.
 */
export function newerState(current: ReceivedState | null, incoming: ReceivedState | null): ReceivedState | null {
  if (!current) return incoming;
  if (!incoming) return current;
  if (incoming.state.version !== current.state.version) return incoming.state.version > current.state.version ? incoming : current;
  return incoming.state.serverNow >= current.state.serverNow ? incoming : current;
}

/** The current step's clock runs while the interview is live and not paused. */
export function isRunning(state: SessionState): boolean {
  return state.status === 'live' && !state.paused && state.currentStep !== null;
}

/** Time spent on `step` as of `now` (a `performance.now()` reading). */
export function stepElapsedMs({ state, receivedAt }: ReceivedState, step: FrameworkStepId, now: number): number {
  const recorded = state.steps.find((s) => s.step === step)?.elapsedMs ?? 0;
  return isRunning(state) && state.currentStep === step ? recorded + Math.max(0, now - receivedAt) : recorded;
}

/** The whole interview's clock: the sum of the steps' (pauses excluded, as for each step). */
export function totalElapsedMs(received: ReceivedState, now: number): number {
  return received.state.steps.reduce((sum, s) => sum + stepElapsedMs(received, s.step, now), 0);
}

export function totalBudgetMs(state: SessionState): number {
  return state.steps.reduce((sum, s) => sum + s.budgetMs, 0);
}

export type BudgetLevel = 'within' | 'near' | 'over';

/** Amber from 80 % of the budget, red once past it. */
export function budgetLevel(elapsedMs: number, budgetMs: number): BudgetLevel {
  if (budgetMs <= 0) return 'within';
  if (elapsedMs > budgetMs) return 'over';
  return elapsedMs >= budgetMs * 0.8 ? 'near' : 'within';
}

/** `mm:ss`, whole seconds rounded down (as a stopwatch shows them); `h:mm:ss` past an hour. */
export function formatClock(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${String(h)}:${mmss}` : mmss;
}

/** Whole minutes, for budgets: `6 min`, or `6m` where space is short. */
export function formatMinutes(ms: number, short = false): string {
  return `${String(Math.round(ms / 60_000))}${short ? 'm' : ' min'}`;
}

/** The same time in words, for screen readers: `3 min 12 s`. */
export function spokenDuration(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${String(m)} min ${String(s)} s` : `${String(s)} s`;
}

/**
 * How long until a shown clock (the running step's or the total) next changes its second, so the agenda
 * re-renders exactly then: two screens flip their seconds together rather than up to a second apart.
 * Null when nothing runs.
 */
export function msUntilNextSecond(received: ReceivedState, now: number): number | null {
  const { state } = received;
  if (!isRunning(state) || !state.currentStep) return null;
  const untilFlip = (ms: number): number => 1000 - (ms % 1000);
  return Math.min(untilFlip(stepElapsedMs(received, state.currentStep, now)), untilFlip(totalElapsedMs(received, now)));
}

/** The step before or after `step` in the framework, or null at either end. */
export function adjacentStep(step: FrameworkStepId | null, offset: 1 | -1): FrameworkStepId | null {
  if (!step) return null;
  return STEP_IDS[STEP_IDS.indexOf(step) + offset] ?? null;
}

export type InterviewPhase = 'not-started' | 'live' | 'paused' | 'ended';

export function interviewPhase(state: SessionState): InterviewPhase {
  if (state.status === 'scheduled') return 'not-started';
  if (state.status === 'ended') return 'ended';
  return state.paused ? 'paused' : 'live';
}

export const PHASE_LABELS: Record<InterviewPhase, string> = {
  'not-started': 'Not started',
  live: 'Live',
  paused: 'Paused',
  ended: 'Ended',
};
