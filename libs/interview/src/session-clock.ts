import { STEP_IDS, stepBudgetsMs, type FrameworkStepId } from './framework';

export type SessionStatus = 'scheduled' | 'live' | 'ended';

/** The timeline events that move the clock, as stored: `at` in epoch milliseconds. */
export type ClockEvent =
  | { type: 'started'; at: number }
  | { type: 'step_changed'; at: number; payload: { from: FrameworkStepId; to: FrameworkStepId } }
  | { type: 'paused'; at: number }
  | { type: 'resumed'; at: number }
  | { type: 'ended'; at: number };

/** A clock event before it is given its time. */
export type ClockChange = ClockEvent extends infer E ? (E extends ClockEvent ? Omit<E, 'at'> : never) : never;

export const CLOCK_EVENT_TYPES = ['started', 'step_changed', 'paused', 'resumed', 'ended'] as const satisfies readonly ClockEvent['type'][];

export interface StepClock {
  step: FrameworkStepId;
  budgetMs: number;
  /** Time spent on the step so far; it does not run while paused. */
  elapsedMs: number;
}

export interface SessionClock {
  status: SessionStatus;
  paused: boolean;
  currentStep: FrameworkStepId | null;
  startedAt: number | null;
  endedAt: number | null;
  steps: StepClock[];
}

/** What the interviewer asks the clock to do. */
export type ClockCommand =
  | { action: 'start' }
  | { action: 'step'; step: FrameworkStepId }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'end' };

/**
 * The clock a session's events describe, at `now`. The timeline is the only record of the clock, so a
 * reload, a reconnect or another server computes the same times from it.
 */
export function sessionClock(events: readonly ClockEvent[], durationMinutes: number, now: number): SessionClock {
  const budgets = stepBudgetsMs(durationMinutes);
  const elapsed = new Map<FrameworkStepId, number>(STEP_IDS.map((s) => [s, 0]));
  const clock: SessionClock = { status: 'scheduled', paused: false, currentStep: null, startedAt: null, endedAt: null, steps: [] };
  let runningSince: number | null = null;
  const stopRunning = (at: number) => {
    if (runningSince !== null && clock.currentStep) {
      elapsed.set(clock.currentStep, (elapsed.get(clock.currentStep) ?? 0) + Math.max(0, at - runningSince));
    }
    runningSince = null;
  };
  for (const event of events) {
    switch (event.type) {
      case 'started':
        Object.assign(clock, { status: 'live', currentStep: 'requirements', startedAt: event.at });
        runningSince = event.at;
        break;
      case 'step_changed':
        stopRunning(event.at);
        clock.currentStep = event.payload.to;
        if (!clock.paused) runningSince = event.at;
        break;
      case 'paused':
        stopRunning(event.at);
        clock.paused = true;
        break;
      case 'resumed':
        clock.paused = false;
        runningSince = event.at;
        break;
      case 'ended':
        stopRunning(event.at);
        Object.assign(clock, { status: 'ended', paused: false, endedAt: event.at });
        break;
    }
  }
  stopRunning(now);
  clock.steps = STEP_IDS.map((step) => ({ step, budgetMs: budgets[step], elapsedMs: elapsed.get(step) ?? 0 }));
  return clock;
}

/**
 * The event a command adds to the timeline: `null` when the clock is already where the command asks (two
 * interviewer tabs naming the same next step move it once), `'conflict'` when the command does not fit
 * the session's status.
 */
export function clockTransition(clock: SessionClock, command: ClockCommand): ClockChange | null | 'conflict' {
  const live = clock.status === 'live';
  switch (command.action) {
    case 'start':
      return clock.status === 'scheduled' ? { type: 'started' } : 'conflict';
    case 'step':
      if (!live || !clock.currentStep) return 'conflict';
      return command.step === clock.currentStep ? null : { type: 'step_changed', payload: { from: clock.currentStep, to: command.step } };
    case 'pause':
      return live && !clock.paused ? { type: 'paused' } : 'conflict';
    case 'resume':
      return live && clock.paused ? { type: 'resumed' } : 'conflict';
    case 'end':
      return clock.status === 'ended' ? 'conflict' : { type: 'ended' };
  }
}
