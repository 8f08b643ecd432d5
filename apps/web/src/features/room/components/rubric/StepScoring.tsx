import { frameworkStep, RUBRIC_SIGNALS, SCORE_ANCHORS, type FrameworkStepId, type StepMark, type StepScore } from '@mockboard/interview';
import { useId } from 'react';
import { DRAFT_TEXT_MAX, withSignal, withStep, type DraftStep, type ScorecardDraft } from '../../scoring/scorecard-draft';

interface StepScoringProps {
  step: FrameworkStepId;
  value: DraftStep;
  readOnly: boolean;
  edit: (change: (draft: ScorecardDraft) => ScorecardDraft) => void;
}

const SCORES: readonly StepScore[] = [1, 2, 3, 4];

function meaning(mark: StepMark): string {
  if (mark === null) return 'Not scored yet.';
  if (mark === 'not_covered') return 'Not covered: the interview did not reach this step.';
  return SCORE_ANCHORS[mark];
}

/** One step's scoring: the signals seen, a score from 1 to 4 (or "not covered"), and free notes. */
export function StepScoring({ step, value, readOnly, edit }: StepScoringProps) {
  const ids = useId();
  const setScore = (score: StepMark): void => edit((draft) => withStep(draft, step, { score }));
  const anchorId = (score: StepScore): string => `${ids}-anchor-${String(score)}`;

  return (
    <div className="rubric-step">
      <h3 className="rubric-step__title">{frameworkStep(step).title}</h3>
      <fieldset className="rubric-signals" disabled={readOnly}>
        <legend className="rubric-label">Signals observed</legend>
        {RUBRIC_SIGNALS[step].map((signal) => (
          <label key={signal.id} className="rubric-signal">
            <input
              type="checkbox"
              checked={value.signals.includes(signal.id)}
              onChange={(event) => {
                const observed = event.target.checked;
                edit((draft) => withSignal(draft, step, signal.id, observed));
              }}
            />
            <span>{signal.text}</span>
          </label>
        ))}
      </fieldset>

      <fieldset className="rubric-score" disabled={readOnly}>
        <legend className="rubric-label">Score</legend>
        <div className="rubric-score__options">
          {SCORES.map((score) => (
            <label key={score} className="rubric-score__option" title={SCORE_ANCHORS[score]}>
              <input type="radio" name={`${ids}-score`} checked={value.score === score} aria-describedby={anchorId(score)} onChange={() => setScore(score)} />
              <span>{score}</span>
            </label>
          ))}
          <label className="rubric-score__option rubric-score__option--wide" title="The interview did not reach this step">
            <input type="radio" name={`${ids}-score`} checked={value.score === 'not_covered'} onChange={() => setScore('not_covered')} />
            <span>Not covered</span>
          </label>
          <button type="button" className="rubric-score__clear" aria-label="Clear score" disabled={value.score === null} onClick={() => setScore(null)}>
            Clear
          </button>
        </div>
        <p className="rubric-score__meaning" aria-live="polite">
          {meaning(value.score)}
        </p>
        {SCORES.map((score) => (
          <span key={score} id={anchorId(score)} hidden>
            {SCORE_ANCHORS[score]}
          </span>
        ))}
      </fieldset>

      <label className="rubric-field">
        <span className="rubric-label">Notes on this step</span>
        <textarea
          className="rubric-textarea"
          rows={3}
          maxLength={DRAFT_TEXT_MAX}
          value={value.notes}
          readOnly={readOnly}
          onChange={(event) => {
            const notes = event.target.value;
            edit((draft) => withStep(draft, step, { notes }));
          }}
        />
      </label>
    </div>
  );
}
