import { Navigate, Outlet, useSearchParams } from 'react-router';
import { FullPageStatus } from '../../../ui/FullPageStatus';
import { useMe } from '../hooks/use-me';
import { safeNextPath } from '../next-path';

/**
 * Wraps the sign-in screens. A signed-in user has nothing to do there, so they continue to `?next=`
 * (or the dashboard); this is also what moves the user on after a successful login, signup or guest start.
 */
export function RedirectIfAuthenticated() {
  const me = useMe();
  const [searchParams] = useSearchParams();

  // Waiting avoids flashing the login form at someone who is already signed in.
  if (me.isPending) return <FullPageStatus title="Loading Mockboard" busy />;
  if (me.data) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  return <Outlet />;
}
