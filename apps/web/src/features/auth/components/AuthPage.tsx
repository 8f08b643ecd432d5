import type { ReactNode } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import { Logo } from '../../../ui/Logo';
import { InviteSummary } from '../../sessions/components/InviteSummary';
import { useInvitePreview } from '../../sessions/hooks/use-sessions';
import { inviteCodeOf } from '../next-path';
import { GuestForm } from './GuestForm';
import { LoginForm } from './LoginForm';
import { SignupForm } from './SignupForm';

export type AuthMode = 'login' | 'signup' | 'guest';

const PITCH = 'Practice ML system design interviews together on a shared, live whiteboard.';

const MODES: Record<AuthMode, { path: string; tab: string; title: string; intro: string; documentTitle: string }> = {
  login: {
    path: '/login',
    tab: 'Log in',
    title: 'Welcome back',
    intro: 'Log in to pick up your mock interviews where you left them.',
    documentTitle: 'Log in',
  },
  signup: {
    path: '/signup',
    tab: 'Sign up',
    title: 'Create your account',
    intro: 'Run interviews and come back to any of your sessions.',
    documentTitle: 'Sign up',
  },
  guest: {
    path: '/guest',
    tab: 'Guest',
    title: 'Join as a guest',
    intro: 'No email needed. Pick the name others will see; you can save your account later.',
    documentTitle: 'Continue as guest',
  },
};

const HIGHLIGHTS = [
  { title: 'One shared whiteboard', text: 'Interviewer and candidate sketch the system together, live.' },
  { title: 'Built for ML designs', text: 'Feature stores, rankers, ANN indexes and more, one click from the board.' },
  { title: 'Nothing gets lost', text: 'Every saved stroke is stored before it is confirmed, even if the server restarts.' },
];

export function AuthPage({ mode }: { mode: AuthMode }) {
  const [searchParams] = useSearchParams();
  const copy = MODES[mode];
  // Switching between modes must not lose where the visitor was heading.
  const next = searchParams.get('next');
  const search = next ? `?${new URLSearchParams({ next }).toString()}` : '';
  const inviteCode = inviteCodeOf(next);

  return (
    <div className="auth">
      <title>{`${copy.documentTitle} · Mockboard`}</title>
      <aside className="auth__brand">
        <Logo inverted />
        <div className="auth__brand-body">
          <p className="auth__pitch">{PITCH}</p>
          <ul className="auth__highlights">
            {HIGHLIGHTS.map((item) => (
              <li key={item.title}>
                <CheckIcon />
                <span>
                  <strong>{item.title}</strong>
                  {item.text}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <p className="auth__brand-foot">Open source and self-hostable.</p>
      </aside>

      <main className="auth__main">
        <div className="auth__card">
          {inviteCode !== null && <InviteNote code={inviteCode} />}
          <header className="auth__header">
            <h1 className="auth__title">{copy.title}</h1>
            <p className="auth__intro">{copy.intro}</p>
          </header>
          <nav className="segmented" aria-label="How to sign in">
            {(Object.keys(MODES) as AuthMode[]).map((key) => (
              <NavLink key={key} to={`${MODES[key].path}${search}`} replace className="segmented__item">
                {MODES[key].tab}
              </NavLink>
            ))}
          </nav>
          <FormFor mode={mode} />
        </div>
      </main>
    </div>
  );
}

/** Says which interview the visitor is invited to, before they sign in: who invites, the problem, the length. */
function InviteNote({ code }: { code: string }) {
  const preview = useInvitePreview(code);
  return (
    <p className="auth__invite invite-summary" role="note">
      {preview.data ? <InviteSummary invite={preview.data} /> : <strong>You're invited to a mock interview.</strong>}
      <span className="invite-summary__next">Continue as a guest to go straight to the whiteboard, or log in if you have an account.</span>
    </p>
  );
}

function FormFor({ mode }: { mode: AuthMode }): ReactNode {
  // Each mode is its own component, so switching modes starts a fresh form focused on its first field.
  switch (mode) {
    case 'login':
      return <LoginForm />;
    case 'signup':
      return <SignupForm />;
    case 'guest':
      return <GuestForm />;
  }
}

function CheckIcon() {
  return (
    <svg className="auth__check" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="10" fill="currentColor" opacity="0.18" />
      <path d="m6 10.2 2.6 2.6L14 7.4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
