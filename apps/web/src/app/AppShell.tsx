import { Link, NavLink, Outlet } from 'react-router';
import { UserMenu } from '../features/auth/components/UserMenu';
import { Logo } from '../ui/Logo';

/** The frame around every signed-in page. The nav starts with one entry and grows with the product. */
export function AppShell() {
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
