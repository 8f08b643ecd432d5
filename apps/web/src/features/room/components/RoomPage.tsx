import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../../../lib/api-client';
import { Button } from '../../../ui/Button';
import { FullPageStatus } from '../../../ui/FullPageStatus';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { useSession } from '../../sessions/hooks/use-sessions';
import { RoomView } from './RoomView';

/** `/sessions/:id`. Loaded lazily: it brings Excalidraw, which the sign-in screens must not pay for. */
export function RoomPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const session = useSession(id);

  if (session.isPending) return <FullPageStatus title="Opening the session" busy />;
  if (session.isError) {
    const status = session.error instanceof ApiRequestError ? session.error.status : 0;
    if (status === 403 || status === 404) {
      return (
        <FullPageStatus title={status === 403 ? 'You are not part of this session' : 'Session not found'}>
          <p className="full-page-status__text">
            {status === 403 ? 'Ask the interviewer for an invite link.' : 'The link may be old, or the session may have been deleted.'}
          </p>
          <Link className="button button--secondary button--md" to="/">
            Go to your sessions
          </Link>
        </FullPageStatus>
      );
    }
    return (
      <FullPageStatus title="We couldn't open this session">
        <p className="full-page-status__text">{session.error.message}</p>
        <Button variant="secondary" onClick={() => void session.refetch()} pending={session.isFetching}>
          Try again
        </Button>
      </FullPageStatus>
    );
  }
  // Keyed by id: a different session gets a fresh document and a fresh board.
  return <RoomView key={session.data.id} session={session.data} me={me} />;
}
