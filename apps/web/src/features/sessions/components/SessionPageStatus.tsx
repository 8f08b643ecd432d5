import type { SessionView } from '@mockboard/protocol';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiRequestError } from '../../../lib/api-client';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { LoadingCard } from '../../../ui/LoadingCard';

interface SessionPageStatusProps {
  session: UseQueryResult<SessionView>;
  /** The page's name, for the tab's title when the session could not be read. */
  pageName: string;
  loadingLabel: string;
}

/** What a page about one session shows until the session has been read: a spinner, or why it could not be. */
export function SessionPageStatus({ session, pageName, loadingLabel }: SessionPageStatusProps) {
  if (session.isPending) {
    return (
      <div className="page">
        <LoadingCard label={loadingLabel} />
      </div>
    );
  }
  const gone = session.error instanceof ApiRequestError && (session.error.status === 404 || session.error.status === 403);
  return (
    <div className="page">
      <title>{`${pageName} · Mockboard`}</title>
      <Alert tone="danger" action={gone ? undefined : <Button variant="secondary" size="sm" onClick={() => void session.refetch()}>Try again</Button>}>
        {gone ? 'This session does not exist, or you are not part of it.' : 'Could not load the session.'}
      </Alert>
      <Link to="/">Go to your sessions</Link>
    </div>
  );
}
