import type { SessionView } from '@mockboard/protocol';
import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../../../lib/api-client';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { partnersText } from '../../dashboard/session-people';
import { useSession } from '../../sessions/hooks/use-sessions';
import { useRecording } from '../hooks/use-recording';
import { RecordingBuild } from './RecordingBuild';
import { ReviewPlayer } from './ReviewPlayer';
import '../../../styles/review.css';

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `/sessions/:id/review`: the session's recording. Loaded lazily: it brings Excalidraw and recharts. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const session = useSession(id);

  if (session.isPending) {
    return (
      <div className="page">
        <section className="card empty-state" aria-busy="true">
          <span className="spinner spinner--muted" role="status" aria-label="Loading the session" />
        </section>
      </div>
    );
  }
  if (session.isError) {
    const gone = session.error instanceof ApiRequestError && (session.error.status === 404 || session.error.status === 403);
    return (
      <div className="page">
        <title>Review · Mockboard</title>
        <Alert tone="danger" action={gone ? undefined : <Button variant="secondary" size="sm" onClick={() => void session.refetch()}>Try again</Button>}>
          {gone ? 'This session does not exist, or you are not part of it.' : 'Could not load the session.'}
        </Alert>
        <Link to="/">Go to your sessions</Link>
      </div>
    );
  }
  return <ReviewScreen session={session.data} />;
}

function ReviewScreen({ session }: { session: SessionView }) {
  const user = useCurrentUser();
  const recording = useRecording(session.id);
  const when = session.endedAt ?? session.startedAt ?? session.createdAt;
  const notEnded = recording.error instanceof ApiRequestError && recording.error.status === 404;

  return (
    <div className="page review-page">
      <title>{`Review · ${session.problem.title} · Mockboard`}</title>
      <Link className="page__back" to={`/sessions/${session.id}`}>
        ← Back to the room
      </Link>
      <header className="page__header page__header--with-action">
        <div>
          <h1 className="page__title">Review</h1>
          <p className="page__subtitle">
            {session.problem.title} · {partnersText(session, user.id)} · <time dateTime={when}>{DATE_FORMAT.format(new Date(when))}</time>
          </p>
        </div>
        {session.myRole !== 'observer' && (
          <div className="page__actions">
            <Link className="button button--secondary button--md" to={`/sessions/${session.id}/scorecard`}>
              Scorecard
            </Link>
          </div>
        )}
      </header>

      {recording.isPending && !notEnded && (
        <section className="card empty-state" aria-busy="true">
          <span className="spinner spinner--muted" role="status" aria-label="Loading the recording" />
        </section>
      )}
      {notEnded && (
        <section className="card recording-build">
          <h2 className="recording-build__title">The interview is still going</h2>
          <p className="recording-build__text">Its recording is made when it ends; this page shows it then.</p>
        </section>
      )}
      {recording.isError && !notEnded && (
        <Alert tone="danger" action={<Button variant="secondary" size="sm" onClick={() => void recording.refetch()}>Try again</Button>}>
          Could not load the recording.
        </Alert>
      )}
      {recording.data && recording.data.status !== 'ready' && <RecordingBuild recording={recording.data} />}
      {recording.data?.status === 'ready' && <ReviewPlayer session={session} recording={recording.data} />}
    </div>
  );
}
