import type { SessionView } from '@mockboard/protocol';
import { ApiRequestError } from '../../../lib/api-client';
import { scorecardMarkdownUrl } from '../../scorecard/api/scorecard-api';
import { useRubricNotes, useScorecard } from '../../scorecard/hooks/use-scorecard';
import { scorecardAccess } from '../../scorecard/scorecard-access';
import { averageOfSteps, formatAverage, markText, numberedStepTitle, recommendationLabel, sortNotes, stepTitle } from '../../scorecard/scorecard-format';
import { momentText } from '../player/timeline-layout';

/**
 * The scorecard beside the recording, for whoever may read it (the interviewer; the candidate once
 * released); its quick notes jump to the moment they were written.
 */
export function ReviewScorecard({ session, onSeek }: { session: SessionView; onSeek: (atMs: number) => void }) {
  const access = scorecardAccess(session);
  const scorecard = useScorecard(session.id, access === 'full');
  const notes = useRubricNotes(session.id, access === 'full');
  if (access === 'private') return null;
  const refused = scorecard.error instanceof ApiRequestError && (scorecard.error.status === 403 || scorecard.error.status === 404);

  return (
    <section className="card review-panel" aria-labelledby="review-scorecard-title">
      <h2 className="review-panel__title" id="review-scorecard-title">
        Scorecard
      </h2>
      {(access === 'not_released' || refused) && (
        <p className="review-panel__empty">{access === 'not_released' ? 'It shows here once your interviewer releases it.' : 'No scorecard was written.'}</p>
      )}
      {scorecard.isPending && access === 'full' && <span className="spinner spinner--muted" role="status" aria-label="Loading the scorecard" />}
      {scorecard.isError && !refused && <p className="review-panel__empty">Could not load the scorecard.</p>}
      {scorecard.data && (
        <>
          <p className="review-scorecard__summary">
            <strong>{recommendationLabel(scorecard.data.recommendation) ?? 'No recommendation yet'}</strong>
            {(() => {
              const average = averageOfSteps(scorecard.data.steps);
              return average === null ? null : <> · {formatAverage(average)} / 4</>;
            })()}
          </p>
          <ul className="review-scorecard__steps">
            {scorecard.data.steps.map((step) => (
              <li key={step.step}>
                <span>{numberedStepTitle(step.step)}</span>
                <span className="review-scorecard__mark">{markText(step.score).value}</span>
              </li>
            ))}
          </ul>
          <a className="button button--secondary button--sm" href={scorecardMarkdownUrl(session.id)} download={`scorecard-${session.id}.md`}>
            Download as Markdown
          </a>
        </>
      )}
      {notes.data && notes.data.notes.length > 0 && (
        <>
          <h3 className="review-panel__subtitle">Notes during the interview</h3>
          <ol className="review-notes" aria-label="Rubric notes">
            {sortNotes(notes.data.notes).map((note) => (
              <li key={note.id} className="review-notes__item">
                {note.atMs === null ? (
                  <span className="review-notes__when">Before the start</span>
                ) : (
                  <button
                    type="button"
                    className="review-notes__when link-button"
                    aria-label={`Go to ${momentText(note.atMs)}: ${note.text}`}
                    onClick={() => onSeek(note.atMs ?? 0)}
                  >
                    {momentText(note.atMs)}
                  </button>
                )}
                {note.step && <span className="review-notes__step">{stepTitle(note.step)}</span>}
                <p className="review-notes__text">{note.text}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
