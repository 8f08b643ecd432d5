import { useState } from 'react';
import { Alert } from '../../../ui/Alert';
import { SaveAccountCard } from '../../auth/components/SaveAccountCard';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { SessionsEmptyState } from './SessionsEmptyState';

export function DashboardPage() {
  const user = useCurrentUser();
  const [justSaved, setJustSaved] = useState(false);

  return (
    <div className="page">
      <title>Your sessions · Mockboard</title>
      <header className="page__header">
        <h1 className="page__title">Your sessions</h1>
        <p className="page__subtitle">Mock interviews you have run or taken part in.</p>
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
        <SessionsEmptyState />
        {user.isGuest && (
          <aside className="dashboard__aside">
            <SaveAccountCard onSaved={() => {
                setJustSaved(true);
              }} />
          </aside>
        )}
      </div>
    </div>
  );
}
