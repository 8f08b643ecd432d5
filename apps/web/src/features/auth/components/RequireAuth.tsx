import { Navigate, Outlet, useLocation } from 'react-router';
import { Button } from '../../../ui/Button';
import { FullPageStatus } from '../../../ui/FullPageStatus';
import { useMe } from '../hooks/use-me';
import { loginPathFor } from '../next-path';

/** Renders the child routes for a signed-in user; anyone else goes to /login and comes back afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <FullPageStatus title="Loading Mockboard" busy />;
  if (me.isError) {
    return (
      <FullPageStatus title="We can't reach Mockboard right now">
        <p className="full-page-status__text">The server did not answer. Check your connection, or try again in a moment.</p>
        <Button variant="secondary" onClick={() => void me.refetch()} pending={me.isFetching}>
          Try again
        </Button>
      </FullPageStatus>
    );
  }
  if (!me.data) return <Navigate to={loginPathFor(location.pathname + location.search + location.hash)} replace />;
  return <Outlet />;
}
