import type { SessionView } from '@mockboard/protocol';
import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../../../lib/api-client';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SessionPageHeader } from '../../sessions/components/SessionPageHeader';
import { SessionPageStatus } from '../../sessions/components/SessionPageStatus';
import { useSession } from '../../sessions/hooks/use-sessions';
import { scorecardMarkdownUrl } from '../api/scorecard-api';
import { useRubricNotes, useScorecard } from '../hooks/use-scorecard';
import { scorecardAccess } from '../scorecard-access';
import { FeedbackSection } from './FeedbackSection';
import { RoundActions } from './RoundActions';
import { ScorecardDetails } from './ScorecardDetails';
import '../../../styles/scorecard.css';
import { LoadingCard } from '../../../ui/LoadingCard';

/** `/sessions/:id/scorecard`: the review after an interview, and the candidate's rating of the interviewer. */
export function ScorecardPage() {
  const { id = '' } = useParams();
  const session = useSession(id);

  if (session.isPending || session.isError) return <SessionPageStatus session={session} pageName="Scorecard" loadingLabel="Loading the scorecard" />;
  return <ScorecardScreen session={session.data} onRefresh={() => void session.refetch()} refreshing={session.isFetching} />;
}

function ScorecardScreen({ session, onRefresh, refreshing }: { session: SessionView; onRefresh: () => void; refreshing: boolean }) {
  const access = scorecardAccess(session);
  const scorecard = useScorecard(session.id, access === 'full');
  const notes = useRubricNotes(session.id, access === 'full');
  // The session view may be a moment behind the server (released since it was read): a 403 then means the same.
  const refused = scorecard.error instanceof ApiRequestError && scorecard.error.status === 403;
  const readable = access === 'full' && !refused;

  return (
    <div className="page scorecard-page">
      <SessionPageHeader
        session={session}
        pageName="Scorecard"
        actions={
          <>
            {session.status === 'ended' && (
              <Link className="button button--secondary button--md" to={`/sessions/${session.id}/review`}>
                Review the recording
              </Link>
            )}
            {readable && scorecard.data && (
              <a className="button button--secondary button--md" href={scorecardMarkdownUrl(session.id)} download={`scorecard-${session.id}.md`}>
                Download as Markdown
              </a>
            )}
            <RoundActions session={session} />
          </>
        }
      />

      {access === 'private' && (
        <section className="card scorecard-state">
          <h2 className="scorecard-state__title">Scorecards are private</h2>
          <p className="scorecard-state__text">Only the interviewer and the candidate of this session can read its scorecard.</p>
        </section>
      )}
      {(access === 'not_released' || (access === 'full' && refused)) && (
        <NotReleased session={session} onRefresh={onRefresh} refreshing={refreshing} />
      )}
      {readable && scorecard.isPending && (
        <LoadingCard label="Loading the scorecard" />
      )}
      {readable && scorecard.isError && <ScorecardLoadError error={scorecard.error} myRole={session.myRole} onRetry={() => void scorecard.refetch()} />}
      {readable && scorecard.data && (
        <ScorecardDetails scorecard={scorecard.data} notes={notes.data?.notes ?? null} notesFailed={notes.isError} viewer={session.myRole === 'interviewer' ? 'interviewer' : 'candidate'} />
      )}

      <FeedbackSection session={session} />
    </div>
  );
}

function NotReleased({ session, onRefresh, refreshing }: { session: SessionView; onRefresh: () => void; refreshing: boolean }) {
  const status = session.scorecard?.status ?? 'none';
  let detail: string;
  if (session.status !== 'ended') detail = 'The interview is not over yet. Your interviewer scores it while it runs and releases the scorecard afterwards.';
  else if (status === 'submitted') detail = 'It is written: it shows here as soon as they release it.';
  else detail = 'They are still writing it. It shows here as soon as they release it.';
  return (
    <section className="card scorecard-state" aria-labelledby="scorecard-pending-title">
      <h2 className="scorecard-state__title" id="scorecard-pending-title">
        Your interviewer has not released the scorecard yet
      </h2>
      <p className="scorecard-state__text">{detail}</p>
      <Button variant="secondary" size="sm" pending={refreshing} onClick={onRefresh}>
        Check again
      </Button>
    </section>
  );
}

function ScorecardLoadError({ error, myRole, onRetry }: { error: Error; myRole: SessionView['myRole']; onRetry: () => void }) {
  // An interviewer who never opened the rubric panel has no draft yet.
  if (error instanceof ApiRequestError && error.status === 404 && myRole === 'interviewer') {
    return (
      <section className="card scorecard-state">
        <h2 className="scorecard-state__title">No scorecard yet</h2>
        <p className="scorecard-state__text">Score the interview in the room’s Rubric panel; the draft shows here.</p>
      </section>
    );
  }
  return (
    <Alert tone="danger" action={<Button variant="secondary" size="sm" onClick={onRetry}>Try again</Button>}>
      Could not load the scorecard.
    </Alert>
  );
}
