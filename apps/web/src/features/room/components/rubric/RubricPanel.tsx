import { FRAMEWORK_STEPS, STEP_IDS, type FrameworkStepId, type StepMark } from '@mockboard/interview';
import type { SessionState } from '@mockboard/protocol';
import { useId, useState } from 'react';
import { useScorecard } from '../../scoring/use-scorecard';
import { PanelSection } from '../PanelSection';
import { OverallFields } from './OverallFields';
import { QuickNotes } from './QuickNotes';
import { RubricSaveStatus } from './RubricSaveStatus';
import { RubricStepTabs } from './RubricStepTabs';
import { ScorecardActions } from './ScorecardActions';
import { StepScoring } from './StepScoring';

interface RubricPanelProps {
  sessionId: string;
  state: SessionState | undefined;
}

/**
 * The interviewer's private rubric (rules R2, R8): the room renders it for the interviewer only, so nobody
 * else's page ever asks for the scorecard. It follows the agenda's step; a step opened by hand stays open
 * until the interview moves on, as the step guide does.
 */
export function RubricPanel({ sessionId, state }: RubricPanelProps) {
  const card = useScorecard(sessionId);
  const ids = useId();
  const current = state?.currentStep ?? null;
  const [picked, setPicked] = useState<{ step: FrameworkStepId; whileOn: FrameworkStepId | null } | null>(null);
  const open = picked && picked.whileOn === current ? picked.step : (current ?? FRAMEWORK_STEPS[0].id);
  const ended = state?.status === 'ended';
  const { draft } = card;
  const readOnly = card.status !== 'draft';

  const marks = {} as Record<FrameworkStepId, StepMark>;
  for (const step of STEP_IDS) marks[step] = draft?.steps[step].score ?? null;

  return (
    <PanelSection title="Rubric" className="rubric" summary={<RubricSaveStatus card={card} />}>
      {!draft ? (
        card.loadError ? (
          <p className="panel-section__error" role="alert">
            The scorecard could not be loaded: {card.loadError.message}
          </p>
        ) : (
          <p className="panel-section__empty">Loading the scorecard…</p>
        )
      ) : (
        <>
          <RubricStepTabs
            open={open}
            current={current}
            marks={marks}
            panelId={`${ids}-panel`}
            tabId={(step) => `${ids}-tab-${step}`}
            onOpen={(step) => setPicked({ step, whileOn: current })}
          />
          {card.save.status === 'failed' && (
            <p className="panel-section__error" role="alert">
              Not saved: {card.save.error} Your changes are kept in this browser.
            </p>
          )}
          <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${open}`}>
            <StepScoring key={open} step={open} value={draft.steps[open]} readOnly={readOnly} edit={card.edit} />
          </div>
          {/* Notes may still be added to a submitted card, until it is released (R3). */}
          <QuickNotes sessionId={sessionId} canAdd={card.status !== 'released'} />
          <OverallFields draft={draft} readOnly={readOnly} defaultOpen={ended} edit={card.edit} />
          {ended && <ScorecardActions sessionId={sessionId} card={card} draft={draft} />}
        </>
      )}
    </PanelSection>
  );
}
