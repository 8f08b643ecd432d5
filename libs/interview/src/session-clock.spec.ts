import { STEP_IDS, stepBudgetsMs, type FrameworkStepId } from './framework';
import { clockTransition, sessionClock, type ClockCommand, type ClockEvent, type SessionClock } from './session-clock';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const at = (ms: number) => T0 + ms;

const started = (ms: number): ClockEvent => ({ type: 'started', at: at(ms) });
const stepped = (ms: number, from: FrameworkStepId, to: FrameworkStepId): ClockEvent => ({ type: 'step_changed', at: at(ms), payload: { from, to } });
const paused = (ms: number): ClockEvent => ({ type: 'paused', at: at(ms) });
const resumed = (ms: number): ClockEvent => ({ type: 'resumed', at: at(ms) });
const ended = (ms: number): ClockEvent => ({ type: 'ended', at: at(ms) });

/** Each step's elapsed time, only the steps that have any. */
function elapsedOf(clock: SessionClock): Partial<Record<FrameworkStepId, number>> {
  return Object.fromEntries(clock.steps.filter((s) => s.elapsedMs > 0).map((s) => [s.step, s.elapsedMs]));
}

/** Rule I1: the clock is a pure fold of the timeline's clock events at a given `now`. */
describe('sessionClock', () => {
  it('I1: before the start the session is scheduled, on no step, with every budget and no time spent', () => {
    const clock = sessionClock([], 45, at(5_000));
    expect(clock).toMatchObject({ status: 'scheduled', paused: false, currentStep: null, startedAt: null, endedAt: null });
    expect(clock.steps.map((s) => s.step)).toEqual(STEP_IDS);
    expect(clock.steps.every((s) => s.elapsedMs === 0)).toBe(true);
    const budgets = stepBudgetsMs(45);
    expect(clock.steps.map((s) => s.budgetMs)).toEqual(STEP_IDS.map((s) => budgets[s]));
    expect(clock.steps.reduce((sum, s) => sum + s.budgetMs, 0)).toBe(45 * 60_000);
  });

  it('I1: a 60-minute session gets the 60-minute budgets, which add up to the hour', () => {
    const clock = sessionClock([], 60, at(0));
    expect(clock.steps.reduce((sum, s) => sum + s.budgetMs, 0)).toBe(60 * 60_000);
    expect(clock.steps.map((s) => s.budgetMs)).not.toEqual(sessionClock([], 45, at(0)).steps.map((s) => s.budgetMs));
  });

  it('I1: starting opens requirements and its time runs until `now`', () => {
    const clock = sessionClock([started(0)], 45, at(1_500));
    expect(clock).toMatchObject({ status: 'live', paused: false, currentStep: 'requirements', startedAt: at(0), endedAt: null });
    expect(elapsedOf(clock)).toEqual({ requirements: 1_500 });
  });

  it('I1: a step change closes the old step’s time and opens the new one’s; going back adds to the old step', () => {
    const events = [started(0), stepped(1_000, 'requirements', 'framing'), stepped(3_000, 'framing', 'requirements'), stepped(3_500, 'requirements', 'model')];
    const clock = sessionClock(events, 45, at(4_000));
    expect(clock.currentStep).toBe('model');
    expect(elapsedOf(clock)).toEqual({ requirements: 1_500, framing: 2_000, model: 500 });
  });

  it('I1: paused time is not counted, and the session stays live while paused', () => {
    const events = [started(0), stepped(1_000, 'requirements', 'framing'), paused(3_000)];
    const whilePaused = sessionClock(events, 45, at(60_000));
    expect(whilePaused).toMatchObject({ status: 'live', paused: true, currentStep: 'framing' });
    expect(elapsedOf(whilePaused)).toEqual({ requirements: 1_000, framing: 2_000 });
    // The same while paused whenever it is asked.
    expect(sessionClock(events, 45, at(3_001)).steps).toEqual(whilePaused.steps);

    const afterResume = sessionClock([...events, resumed(10_000)], 45, at(10_750));
    expect(afterResume.paused).toBe(false);
    expect(elapsedOf(afterResume)).toEqual({ requirements: 1_000, framing: 2_750 });
  });

  it('I1: a step changed while paused becomes current without running until the resume', () => {
    const events = [started(0), paused(2_000), stepped(5_000, 'requirements', 'data')];
    const stillPaused = sessionClock(events, 45, at(9_000));
    expect(stillPaused).toMatchObject({ paused: true, currentStep: 'data' });
    expect(elapsedOf(stillPaused)).toEqual({ requirements: 2_000 });

    const resumedClock = sessionClock([...events, resumed(9_000)], 45, at(9_400));
    expect(elapsedOf(resumedClock)).toEqual({ requirements: 2_000, data: 400 });
  });

  it('I1: ending while paused ends the pause and counts no paused time; nothing runs after the end', () => {
    const events = [started(0), stepped(1_000, 'requirements', 'framing'), paused(3_000), ended(8_000)];
    const clock = sessionClock(events, 45, at(100_000));
    expect(clock).toMatchObject({ status: 'ended', paused: false, currentStep: 'framing', startedAt: at(0), endedAt: at(8_000) });
    expect(elapsedOf(clock)).toEqual({ requirements: 1_000, framing: 2_000 });
  });

  it('I1: ending a running session stops its clock at the end', () => {
    const clock = sessionClock([started(0), ended(2_500)], 45, at(100_000));
    expect(clock).toMatchObject({ status: 'ended', endedAt: at(2_500) });
    expect(elapsedOf(clock)).toEqual({ requirements: 2_500 });
  });

  it('I1: a session ended before it started is cancelled: ended, with no start, no step and no time', () => {
    const clock = sessionClock([ended(4_000)], 45, at(100_000));
    expect(clock).toMatchObject({ status: 'ended', paused: false, currentStep: null, startedAt: null, endedAt: at(4_000) });
    expect(elapsedOf(clock)).toEqual({});
  });

  it('I1: a `now` a little before the last event (another server’s clock) never makes time negative', () => {
    const clock = sessionClock([started(0), stepped(1_000, 'requirements', 'framing')], 45, at(900));
    expect(clock.steps.every((s) => s.elapsedMs >= 0)).toBe(true);
  });
});

/** Rule I2: which commands fit which status, and the event each adds. */
describe('clockTransition', () => {
  const scheduled = sessionClock([], 45, at(0));
  const running = sessionClock([started(0), stepped(1_000, 'requirements', 'framing')], 45, at(2_000));
  const pausedClock = sessionClock([started(0), stepped(1_000, 'requirements', 'framing'), paused(1_500)], 45, at(2_000));
  const endedClock = sessionClock([started(0), ended(1_000)], 45, at(2_000));
  const cancelled = sessionClock([ended(1_000)], 45, at(2_000));

  const commands: Record<string, ClockCommand> = {
    start: { action: 'start' },
    'step to framing': { action: 'step', step: 'framing' },
    'step to serving': { action: 'step', step: 'serving' },
    pause: { action: 'pause' },
    resume: { action: 'resume' },
    end: { action: 'end' },
  };

  const table: Array<[string, SessionClock, Record<string, ReturnType<typeof clockTransition>>]> = [
    [
      'scheduled',
      scheduled,
      {
        start: { type: 'started' },
        'step to framing': 'conflict',
        'step to serving': 'conflict',
        pause: 'conflict',
        resume: 'conflict',
        end: { type: 'ended' },
      },
    ],
    [
      'live on framing',
      running,
      {
        start: 'conflict',
        'step to framing': null,
        'step to serving': { type: 'step_changed', payload: { from: 'framing', to: 'serving' } },
        pause: { type: 'paused' },
        resume: 'conflict',
        end: { type: 'ended' },
      },
    ],
    [
      'paused on framing',
      pausedClock,
      {
        start: 'conflict',
        'step to framing': null,
        'step to serving': { type: 'step_changed', payload: { from: 'framing', to: 'serving' } },
        pause: 'conflict',
        resume: { type: 'resumed' },
        end: { type: 'ended' },
      },
    ],
    ['ended', endedClock, Object.fromEntries(Object.keys(commands).map((c) => [c, 'conflict']))],
    ['cancelled', cancelled, Object.fromEntries(Object.keys(commands).map((c) => [c, 'conflict']))],
  ];

  it.each(table)('I2: from %s, each command adds its event, nothing, or is a conflict', (_name, clock, expected) => {
    const actual = Object.fromEntries(Object.entries(commands).map(([name, command]) => [name, clockTransition(clock, command)]));
    expect(actual).toEqual(expected);
  });

  it('I2: naming the current step twice (two tabs pressing "next") moves once: the second is a no-op', () => {
    const next: ClockCommand = { action: 'step', step: 'data' };
    const first = clockTransition(running, next);
    expect(first).toEqual({ type: 'step_changed', payload: { from: 'framing', to: 'data' } });
    const afterFirst = sessionClock([started(0), stepped(1_000, 'requirements', 'framing'), stepped(2_000, 'framing', 'data')], 45, at(2_500));
    expect(clockTransition(afterFirst, next)).toBeNull();
  });
});
