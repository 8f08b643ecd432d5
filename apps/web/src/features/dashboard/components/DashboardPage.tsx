import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SaveAccountCard } from '../../auth/components/SaveAccountCard';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { useSessions } from '../../sessions/hooks/use-sessions';
import { NewSessionDialog } from './NewSessionDialog';
import { SessionList } from './SessionList';
import { SessionsEmptyState } from './SessionsEmptyState';
import { LoadingCard } from '../../../ui/LoadingCard';

export function DashboardPage() {
  const user = useCurrentUser();
  const sessions = useSessions();
  const [justSaved, setJustSaved] = useState(false);
  const [creating, setCreating] = useState(false);
  const openNewSession = () => setCreating(true);

  return (
    <div className="page">
      <title>Your sessions · Mockboard</title>
      <header className="page__header page__header--with-action">
        <div>
          <h1 className="page__title">Your sessions</h1>
          <p className="page__subtitle">Mock interviews you have run or taken part in.</p>
        </div>
        <div className="page__actions">
          {!user.isGuest && (
            <Link className="button button--secondary button--md" to="/problems">
              My problems
            </Link>
          )}
          <Button onClick={openNewSession}>New session</Button>
        </div>
      </header>

      {justSaved && (
        <Alert
          tone="success"
          action={
            <button type="button" className="alert__dismiss" onClick={() => {
                setJustSaved(false);
              }} aria-label="Dismiss">
              ×
            </button>
          }
        >
          Your account is saved. Next time, log in with your email and password.
        </Alert>
      )}

      <div className={user.isGuest ? 'dashboard dashboard--with-aside' : 'dashboard'}>
        <SessionsPanel sessions={sessions} onNewSession={openNewSession} />
        {user.isGuest && (
          <aside className="dashboard__aside">
            <SaveAccountCard onSaved={() => {
                setJustSaved(true);
              }} />
          </aside>
        )}
      </div>
      <NewSessionDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function SessionsPanel({ sessions, onNewSession }: { sessions: ReturnType<typeof useSessions>; onNewSession: () => void }) {
  if (sessions.isPending) {
    return <LoadingCard label="Loading your sessions" />;
  }
  if (sessions.isError) {
    return (
      <Alert tone="danger" action={<Button variant="secondary" size="sm" onClick={() => void sessions.refetch()}>Try again</Button>}>
        Could not load your sessions.
      </Alert>
    );
  }
  if (sessions.data.length === 0) return <SessionsEmptyState onNewSession={onNewSession} />;
  return <SessionList sessions={sessions.data} />;
}
