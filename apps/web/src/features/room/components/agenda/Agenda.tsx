import { FRAMEWORK_STEPS } from '@mockboard/interview';
import type { SessionControl } from '@mockboard/protocol';
import {
  formatClock,
  interviewPhase,
  PHASE_LABELS,
  stepElapsedMs,
  totalBudgetMs,
  totalElapsedMs,
  type ReceivedState,
} from '../../interview/clock-display';
import type { CommandResult } from '../../interview/command-errors';
import { useCommand } from '../../interview/use-command';
import { useTickingNow } from '../../interview/use-ticking-now';
import { PanelSection } from '../PanelSection';
import { AgendaControls } from './AgendaControls';
import { AgendaStep } from './AgendaStep';

interface AgendaProps {
  received: ReceivedState | null;
  isInterviewer: boolean;
  control: (command: SessionControl) => Promise<CommandResult>;
}

/** The 7 steps with their clocks, seen by everyone; the interviewer also gets the controls. */
export function Agenda({ received, isInterviewer, control }: AgendaProps) {
  const now = useTickingNow(received);
  const command = useCommand(control);
  const state = received?.state;
  const phase = state ? interviewPhase(state) : null;

  const summary = received && phase && (
    <>
      <span className={`agenda__status agenda__status--${phase}`}>{PHASE_LABELS[phase]}</span>
      <span className="agenda__clock" role="timer" title="Interview time: spent / planned">
        {formatClock(totalElapsedMs(received, now))}
        <span className="agenda__clock-budget"> / {formatClock(totalBudgetMs(received.state))}</span>
      </span>
    </>
  );

  return (
    <PanelSection title="Agenda" className="agenda" summary={summary}>
      {!received || !state ? (
        <p className="panel-section__empty">Loading the agenda…</p>
      ) : (
        <>
          <ol className="agenda__steps">
            {FRAMEWORK_STEPS.map((step, index) => {
              const clock = state.steps.find((s) => s.step === step.id);
              const canJump = isInterviewer && state.status === 'live';
              return (
                <AgendaStep
                  key={step.id}
                  number={index + 1}
                  title={step.title}
                  elapsedMs={stepElapsedMs(received, step.id, now)}
                  budgetMs={clock?.budgetMs ?? 0}
                  current={state.currentStep === step.id}
                  onJump={canJump ? () => void command.run({ action: 'step', step: step.id }) : undefined}
                />
              );
            })}
          </ol>
          {isInterviewer && <AgendaControls state={state} command={command} />}
          {command.error && (
            <p className="panel-section__error" role="alert">
              {command.error}
            </p>
          )}
          {state.status === 'ended' && <p className="panel-section__note">The interview has ended. The chat stays open for the debrief.</p>}
          {state.status === 'scheduled' && !isInterviewer && <p className="panel-section__note">The interviewer starts the clock when you are both ready.</p>}
        </>
      )}
    </PanelSection>
  );
}
