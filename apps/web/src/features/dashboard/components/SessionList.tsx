import type { SessionView } from '@mockboard/protocol';
import { Link } from 'react-router';
import { ROLE_LABELS, STATUS_LABELS } from '../../sessions/roles';

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Newest first, as the API returns them; each row opens the session's room. */
export function SessionList({ sessions }: { sessions: readonly SessionView[] }) {
  return (
    <section className="card session-list" aria-labelledby="session-list-title">
      <h2 className="visually-hidden" id="session-list-title">
        Sessions
      </h2>
      <ul className="session-list__items">
        {sessions.map((session) => (
          <li key={session.id}>
            <Link to={`/sessions/${session.id}`} className="session-row">
              <span className="session-row__main">
                <span className="session-row__title">{session.problem.title}</span>
                <span className="session-row__people">{participantsText(session)}</span>
              </span>
              <span className="session-row__meta">
                <span className={`badge badge--role badge--${session.myRole}`}>{ROLE_LABELS[session.myRole]}</span>
                <span className={`badge badge--status badge--${session.status}`}>{STATUS_LABELS[session.status]}</span>
                <time className="session-row__date" dateTime={session.createdAt}>
                  {DATE_FORMAT.format(new Date(session.createdAt))}
                </time>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function participantsText(session: SessionView): string {
  const seated = session.participants.filter((p) => p.role !== 'observer');
  if (seated.length < 2) return `${seated.map(describe).join(', ') || 'No one yet'} · waiting for ${seated[0]?.role === 'candidate' ? 'an interviewer' : 'a candidate'}`;
  const observers = session.participants.length - seated.length;
  return seated.map(describe).join(', ') + (observers > 0 ? ` · ${String(observers)} observing` : '');
}

function describe(participant: SessionView['participants'][number]): string {
  return `${participant.displayName} (${ROLE_LABELS[participant.role].toLowerCase()})`;
}
