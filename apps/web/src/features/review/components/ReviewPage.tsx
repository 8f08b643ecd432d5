import type { SessionView } from '@mockboard/protocol';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SessionPageHeader } from '../../sessions/components/SessionPageHeader';
import { SessionPageStatus } from '../../sessions/components/SessionPageStatus';
import { useSession } from '../../sessions/hooks/use-sessions';
import { notEndedYet, useRecording } from '../hooks/use-recording';
import { RecordingBuild } from './RecordingBuild';
import { ReviewPlayer } from './ReviewPlayer';
import '../../../styles/review.css';
import { LoadingCard } from '../../../ui/LoadingCard';

/** `/sessions/:id/review`: the session's recording. Loaded lazily: it brings Excalidraw and recharts. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const session = useSession(id);

  if (session.isPending || session.isError) return <SessionPageStatus session={session} pageName="Review" loadingLabel="Loading the session" />;
  return <ReviewScreen session={session.data} />;
}

function ReviewScreen({ session }: { session: SessionView }) {
  const recording = useRecording(session.id);
  const notEnded = notEndedYet(recording.error);

  return (
    <div className="page review-page">
      <SessionPageHeader
        session={session}
        pageName="Review"
        actions={
          session.myRole !== 'observer' && (
            <Link className="button button--secondary button--md" to={`/sessions/${session.id}/scorecard`}>
              Scorecard
            </Link>
          )
        }
      />

      {recording.isPending && !notEnded && (
        <LoadingCard label="Loading the recording" />
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
