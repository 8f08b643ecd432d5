import type { SessionControl, SessionState } from '@mockboard/protocol';
import { useState } from 'react';
import { adjacentStep } from '../../interview/clock-display';
import type { Command } from '../../interview/use-command';
import { NEXT_STEP_SHORTCUT, useNextStepShortcut } from '../../interview/use-next-step-shortcut';

interface AgendaControlsProps {
  state: SessionState;
  command: Command<SessionControl>;
}

/**
 * The interviewer's controls. Moving names the target step rather than saying "next": two interviewer
 * tabs pressing Next at once both ask for the same step, and the interview moves one step, not two.
 */
export function AgendaControls({ state, command }: AgendaControlsProps) {
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const live = state.status === 'live';
  const next = live ? adjacentStep(state.currentStep, 1) : null;
  const previous = live ? adjacentStep(state.currentStep, -1) : null;
  const run = (control: SessionControl): void => void command.run(control);

  useNextStepShortcut(live, () => {
    if (next) run({ action: 'step', step: next });
  });

  if (state.status === 'ended') return null;
  if (state.status === 'scheduled') {
    return (
      <div className="agenda-controls">
        <button type="button" className="button button--primary button--sm agenda-controls__wide" onClick={() => run({ action: 'start' })}>
          Start interview
        </button>
      </div>
    );
  }
  if (confirmingEnd) {
    return (
      <div className="agenda-controls agenda-controls--confirm" role="group" aria-label="End the interview?">
        <p className="agenda-controls__question">End the interview for everyone? The clock stops for good.</p>
        <button
          type="button"
          className="button button--sm agenda-controls__danger"
          onClick={() => {
            setConfirmingEnd(false);
            run({ action: 'end' });
          }}
        >
          Yes, end it
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={() => setConfirmingEnd(false)}>
          Keep going
        </button>
      </div>
    );
  }
  // Four controls share a 266 px row: Previous is an arrow and End a word, each named in full for
  // assistive technology (the visible word starts the name, as WCAG's "label in name" asks).
  return (
    <div className="agenda-controls">
      <button
        type="button"
        className="button button--secondary button--sm agenda-controls__icon"
        disabled={!previous}
        aria-label="Previous step"
        title="Previous step"
        onClick={() => previous && run({ action: 'step', step: previous })}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <button
        type="button"
        className="button button--primary button--sm agenda-controls__next"
        disabled={!next}
        aria-keyshortcuts={NEXT_STEP_SHORTCUT.aria}
        title={`Next step (${NEXT_STEP_SHORTCUT.label})`}
        onClick={() => next && run({ action: 'step', step: next })}
      >
        Next step
      </button>
      {state.paused ? (
        <button type="button" className="button button--secondary button--sm" onClick={() => run({ action: 'resume' })}>
          Resume
        </button>
      ) : (
        <button type="button" className="button button--secondary button--sm" onClick={() => run({ action: 'pause' })}>
          Pause
        </button>
      )}
      <button
        type="button"
        className="button button--secondary button--sm agenda-controls__end"
        aria-label="End interview"
        title="End interview"
        onClick={() => setConfirmingEnd(true)}
      >
        End
      </button>
    </div>
  );
}
