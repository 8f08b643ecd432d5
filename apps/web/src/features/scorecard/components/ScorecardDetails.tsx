import { RUBRIC_SIGNALS } from '@mockboard/interview';
import type { RubricNote, Scorecard, ScorecardStep } from '@mockboard/protocol';
import { useId } from 'react';
import { averageOfSteps, formatAverage, markText, numberedStepTitle, recommendationLabel } from '../scorecard-format';
import { RubricNotesList } from './RubricNotesList';

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const STATUS_TEXT = { draft: 'Draft', submitted: 'Submitted', released: 'Released' } as const;

interface ScorecardDetailsProps {
  scorecard: Scorecard;
  /** null while loading (or when they could not be loaded: `notesFailed`). */
  notes: RubricNote[] | null;
  notesFailed: boolean;
  viewer: 'interviewer' | 'candidate';
}

export function ScorecardDetails({ scorecard, notes, notesFailed, viewer }: ScorecardDetailsProps) {
  const average = averageOfSteps(scorecard.steps);
  const recommendation = recommendationLabel(scorecard.recommendation);
  const written = [
    { title: 'Strengths', text: scorecard.strengths },
    { title: 'To improve', text: scorecard.improvements },
    { title: viewer === 'interviewer' ? 'Message to the candidate' : 'Message from your interviewer', text: scorecard.message },
  ].filter((part) => part.text.trim() !== '');

  return (
    <>
      <section className="card scorecard-summary" aria-label="Summary">
        <dl className="scorecard-summary__figures">
          <div className="scorecard-summary__figure">
            <dt>Recommendation</dt>
            <dd className={recommendation ? `scorecard-summary__value recommendation recommendation--${scorecard.recommendation ?? ''}` : 'scorecard-summary__value scorecard-summary__value--empty'}>
              {recommendation ?? 'Not given yet'}
            </dd>
          </div>
          <div className="scorecard-summary__figure">
            <dt>Average score</dt>
            <dd className="scorecard-summary__value">{average === null ? '–' : `${formatAverage(average)} / 4`}</dd>
          </div>
          <div className="scorecard-summary__figure">
            <dt>Status</dt>
            <dd className="scorecard-summary__value scorecard-summary__value--small">
              {STATUS_TEXT[scorecard.status]}
              {scorecard.status === 'released' && scorecard.releasedAt && <> {DATE_FORMAT.format(new Date(scorecard.releasedAt))}</>}
              {scorecard.status === 'submitted' && scorecard.submittedAt && <> {DATE_FORMAT.format(new Date(scorecard.submittedAt))}</>}
            </dd>
          </div>
        </dl>
        {viewer === 'interviewer' && scorecard.status !== 'released' && (
          <p className="scorecard-summary__note">The candidate sees this scorecard once you release it from the room.</p>
        )}
      </section>

      <section className="scorecard-section" aria-labelledby="scorecard-steps-title">
        <h2 className="scorecard-section__title" id="scorecard-steps-title">
          Step by step
        </h2>
        <ol className="scorecard-steps">
          {scorecard.steps.map((step) => (
            <StepCard key={step.step} step={step} />
          ))}
        </ol>
      </section>

      {written.length > 0 && (
        <section className="card scorecard-written" aria-labelledby="scorecard-written-title">
          <h2 className="scorecard-section__title" id="scorecard-written-title">
            Written feedback
          </h2>
          {written.map((part) => (
            <div key={part.title} className="scorecard-written__part">
              <h3 className="scorecard-written__title">{part.title}</h3>
              <p className="scorecard-text">{part.text}</p>
            </div>
          ))}
        </section>
      )}

      <RubricNotesList notes={notes} failed={notesFailed} />
    </>
  );
}

function StepCard({ step }: { step: ScorecardStep }) {
  const titleId = useId();
  const mark = markText(step.score);
  const ticked = new Set(step.signals);
  const signals = RUBRIC_SIGNALS[step.step].filter((s) => ticked.has(s.id));
  const scoreClass = typeof step.score === 'number' ? `score-chip score-chip--${String(step.score)}` : 'score-chip score-chip--none';
  return (
    <li className="card scorecard-step">
      <section aria-labelledby={titleId}>
        <header className="scorecard-step__header">
          <h3 className="scorecard-step__title" id={titleId}>
            {numberedStepTitle(step.step)}
          </h3>
          <span className={scoreClass}>{mark.value}</span>
        </header>
        <p className="scorecard-step__anchor">{mark.meaning}</p>
        {signals.length > 0 ? (
          <ul className="scorecard-step__signals" aria-label="Observed">
            {signals.map((signal) => (
              <li key={signal.id}>{signal.text}</li>
            ))}
          </ul>
        ) : (
          <p className="scorecard-step__none">No signal observed.</p>
        )}
        {step.notes.trim() !== '' && <p className="scorecard-text scorecard-step__notes">{step.notes}</p>}
      </section>
    </li>
  );
}
