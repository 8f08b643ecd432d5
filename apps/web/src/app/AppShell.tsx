import { Link, NavLink, Outlet } from 'react-router';
import { UserMenu } from '../features/auth/components/UserMenu';
import { useCurrentUser } from '../features/auth/hooks/use-current-user';
import { Logo } from '../ui/Logo';

/** The frame around every signed-in page. */
export function AppShell() {
  const user = useCurrentUser();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="topbar__brand" aria-label="Mockboard home">
            <Logo />
          </Link>
          <nav className="topbar__nav" aria-label="Main">
            <NavLink to="/" end className="topbar__link">
              Sessions
            </NavLink>
            {/* Guests cannot write problems; their picker says how to save the account. */}
            {!user.isGuest && (
              <NavLink to="/problems" className="topbar__link">
                Problems
              </NavLink>
            )}
            <NavLink to="/progress" className="topbar__link">
              Progress
            </NavLink>
          </nav>
          <UserMenu />
        </div>
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
