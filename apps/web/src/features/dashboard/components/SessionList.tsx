import type { SessionView } from '@mockboard/protocol';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { ROLE_LABELS, STATUS_LABELS } from '../../sessions/roles';
import { useNow } from '../hooks/use-now';
import { relativeTime, sessionMoment } from '../session-time';

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const MOMENT_LABELS = { started: 'Started', ended: 'Ended', created: 'Created' } as const;

/** Newest first, as the API returns them; each row opens the session's room. */
export function SessionList({ sessions }: { sessions: readonly SessionView[] }) {
  const user = useCurrentUser();
  const now = useNow(30_000);
  return (
    <section className="card session-list" aria-labelledby="session-list-title">
      <h2 className="visually-hidden" id="session-list-title">
        Sessions
      </h2>
      <ul className="session-list__items">
        {sessions.map((session) => {
          const moment = sessionMoment(session);
          return (
            <li key={session.id}>
              <Link to={`/sessions/${session.id}`} className="session-row">
                <span className="session-row__main">
                  <span className="session-row__title">{session.problem.title}</span>
                  <span className="session-row__people">{partnersText(session, user.id)}</span>
                </span>
                <span className="session-row__meta">
                  <span className={`badge badge--status badge--${session.status}`}>
                    {session.status === 'live' && <span className="badge__dot" aria-hidden="true" />}
                    {STATUS_LABELS[session.status]}
                  </span>
                  <span className={`badge badge--role badge--${session.myRole}`}>
                    <span className="visually-hidden">You are the </span>
                    {ROLE_LABELS[session.myRole]}
                  </span>
                  <time className="session-row__date" dateTime={moment.at.toISOString()} title={DATE_FORMAT.format(moment.at)}>
                    {MOMENT_LABELS[moment.event]} {relativeTime(moment.at, now)}
                  </time>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Who else is in the session, seen from the user: their partner first, observers as a count. */
function partnersText(session: SessionView, myId: string): string {
  const others = session.participants.filter((p) => p.userId !== myId);
  const seated = others.filter((p) => p.role !== 'observer');
  const observers = others.length - seated.length;
  let text: string;
  if (seated.length > 0) text = `With ${seated.map((p) => `${p.displayName} (${ROLE_LABELS[p.role].toLowerCase()})`).join(', ')}`;
  else if (session.myRole === 'observer') text = 'No one seated yet';
  else text = `Waiting for ${session.myRole === 'candidate' ? 'an interviewer' : 'a candidate'}`;
  return observers > 0 ? `${text} · ${String(observers)} observing` : text;
}
