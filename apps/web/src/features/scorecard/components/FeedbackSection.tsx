import type { Feedback, SessionView } from '@mockboard/protocol';
import { useId, useState, type SubmitEvent } from 'react';
import { formErrorsFrom } from '../../../lib/form-errors';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextAreaField } from '../../problems/components/FormFields';
import { useFeedback, useSendFeedback } from '../hooks/use-scorecard';
import { candidateFeedbackMode } from '../scorecard-access';
import { HELPFULNESS_LABELS, HELPFULNESS_VALUES, type Helpfulness } from '../scorecard-format';

const COMMENT_MAX = 2000;

/**
 * Mutual feedback: the candidate rates the interviewer after the interview, and may change it until the
 * scorecard is released; the interviewer reads it only from then on (the server refuses it before).
 */
export function FeedbackSection({ session }: { session: SessionView }) {
  if (session.myRole === 'candidate') return <CandidateFeedback session={session} />;
  if (session.myRole === 'interviewer' && session.status === 'ended') return <InterviewerFeedback session={session} />;
  return null;
}

function CandidateFeedback({ session }: { session: SessionView }) {
  const mode = candidateFeedbackMode(session);
  const feedback = useFeedback(session.id, mode !== 'before_end');
  if (mode === 'before_end') return null;

  return (
    <section className="card feedback" aria-labelledby="feedback-title">
      <h2 className="scorecard-section__title" id="feedback-title">
        How helpful was your interviewer?
      </h2>
      {feedback.isPending && <span className="spinner spinner--muted" role="status" aria-label="Loading your feedback" />}
      {feedback.isError && (
        <Alert tone="danger" action={<Button variant="secondary" size="sm" onClick={() => void feedback.refetch()}>Try again</Button>}>
          Could not load your feedback.
        </Alert>
      )}
      {feedback.data && mode === 'closed' && (
        <>
          <p className="feedback__intro">Your interviewer released the scorecard, so your rating can no longer change.</p>
          {feedback.data.feedback ? <SentFeedback feedback={feedback.data.feedback} who="You" /> : <p className="feedback__intro">You did not rate this interviewer.</p>}
        </>
      )}
      {feedback.data && mode === 'open' && (
        // Keyed by the saved version, so the form starts again from what the server holds after each save.
        <FeedbackForm key={feedback.data.feedback?.updatedAt ?? 'new'} sessionId={session.id} saved={feedback.data.feedback} />
      )}
    </section>
  );
}

function FeedbackForm({ sessionId, saved }: { sessionId: string; saved: Feedback | null }) {
  const send = useSendFeedback(sessionId);
  const [helpfulness, setHelpfulness] = useState<Helpfulness | null>(saved?.helpfulness ?? null);
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [missing, setMissing] = useState(false);
  const groupLabelId = useId();
  const errors = send.error ? formErrorsFrom(send.error, ['helpfulness', 'comment']) : { fields: {} as Partial<Record<'helpfulness' | 'comment', string>> };
  const helpfulnessError = missing ? 'Choose how helpful your interviewer was' : errors.fields.helpfulness;

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (send.isPending) return;
    if (helpfulness === null) {
      setMissing(true);
      return;
    }
    send.mutate({ helpfulness, comment: comment.trim() });
  }

  return (
    <form className="form feedback__form" onSubmit={onSubmit} noValidate>
      <p className="feedback__intro">Your interviewer sees this once they release your scorecard. Until then you can change it.</p>
      <div className={helpfulnessError ? 'field field--invalid' : 'field'}>
        <span className="field__label" id={groupLabelId}>
          Helpfulness
        </span>
        <div className="helpfulness" role="radiogroup" aria-labelledby={groupLabelId} aria-invalid={helpfulnessError ? true : undefined} aria-describedby={helpfulnessError ? `${groupLabelId}-error` : undefined}>
          {HELPFULNESS_VALUES.map((value) => (
            <label key={value} className="helpfulness__option">
              <input
                type="radio"
                name="helpfulness"
                value={value}
                checked={helpfulness === value}
                onChange={() => {
                  setHelpfulness(value);
                  setMissing(false);
                }}
                aria-labelledby={`${groupLabelId}-${String(value)}-value`}
                aria-describedby={`${groupLabelId}-${String(value)}`}
              />
              <span className="helpfulness__value" id={`${groupLabelId}-${String(value)}-value`}>
                {value}
              </span>
              <span className="helpfulness__text" id={`${groupLabelId}-${String(value)}`}>
                {HELPFULNESS_LABELS[value]}
              </span>
            </label>
          ))}
        </div>
        {helpfulnessError && (
          <p className="field__error" id={`${groupLabelId}-error`}>
            {helpfulnessError}
          </p>
        )}
      </div>
      <TextAreaField
        label="Comment"
        value={comment}
        onValueChange={setComment}
        maxLength={COMMENT_MAX}
        rows={4}
        hint="Optional: what helped, and what would have helped more."
        error={errors.fields.comment}
      />
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      {saved && !send.isPending && !send.error && (
        <p className="feedback__saved" role="status">
          Feedback sent. You can change it until your interviewer releases the scorecard.
        </p>
      )}
      <div className="feedback__actions">
        <Button type="submit" pending={send.isPending}>
          Send feedback
        </Button>
      </div>
    </form>
  );
}

function InterviewerFeedback({ session }: { session: SessionView }) {
  const released = session.scorecard?.status === 'released';
  const feedback = useFeedback(session.id, released);
  return (
    <section className="card feedback" aria-labelledby="feedback-title">
      <h2 className="scorecard-section__title" id="feedback-title">
        The candidate’s feedback
      </h2>
      {!released && <p className="feedback__intro">The candidate’s rating of you shows here once you release the scorecard.</p>}
      {released && feedback.isPending && <span className="spinner spinner--muted" role="status" aria-label="Loading the feedback" />}
      {released && feedback.isError && <p className="feedback__intro">Could not load the feedback.</p>}
      {released && feedback.data && (feedback.data.feedback ? <SentFeedback feedback={feedback.data.feedback} who="The candidate" /> : <p className="feedback__intro">The candidate did not rate you.</p>)}
    </section>
  );
}

function SentFeedback({ feedback, who }: { feedback: Feedback; who: 'You' | 'The candidate' }) {
  return (
    <div className="feedback__sent">
      <p>
        {who} rated {who === 'You' ? 'your interviewer' : 'you'}{' '}
        <strong>
          {feedback.helpfulness} of 4: {HELPFULNESS_LABELS[feedback.helpfulness]}
        </strong>
        .
      </p>
      {feedback.comment.trim() !== '' && <blockquote className="scorecard-text feedback__comment">{feedback.comment}</blockquote>}
    </div>
  );
}
