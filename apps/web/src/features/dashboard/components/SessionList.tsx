import type { SessionView } from '@mockboard/protocol';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { offersScorecardLink } from '../../scorecard/scorecard-access';
import { ROLE_LABELS, STATUS_LABELS } from '../../sessions/roles';
import { useNow } from '../hooks/use-now';
import { groupSessions, scoreSummary } from '../session-groups';
import { partnersText } from '../session-people';
import { relativeTime, sessionMoment } from '../session-time';

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const MOMENT_LABELS = { started: 'Started', ended: 'Ended', created: 'Created' } as const;

/** Live, upcoming and past sessions, newest first within each; each row opens the session's room. */
export function SessionList({ sessions }: { sessions: readonly SessionView[] }) {
  const now = useNow(30_000);
  return (
    <div className="session-groups">
      {groupSessions(sessions).map((group) => {
        // Rows of a group keep their badges in one column: every row keeps room for links if one has some.
        const linksColumn = group.sessions.some(hasLinks);
        return (
          <section key={group.id} className="card session-list" aria-labelledby={`session-group-${group.id}`}>
            <h2 className="session-list__title" id={`session-group-${group.id}`}>
              {group.title}
              {/* Hidden from screen readers, which announce the list's length themselves. */}
              <span className="session-list__count" aria-hidden="true">
                {group.sessions.length}
              </span>
            </h2>
            <ul className="session-list__items">
              {group.sessions.map((session) => (
                <SessionItem key={session.id} session={session} now={now} linksColumn={linksColumn} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function hasLinks(session: SessionView): boolean {
  return session.status === 'ended' || offersScorecardLink(session) || session.nextSessionId !== null || session.previousSessionId !== null;
}

function SessionItem({ session, now, linksColumn }: { session: SessionView; now: number; linksColumn: boolean }) {
  const user = useCurrentUser();
  const moment = sessionMoment(session);
  const summary = scoreSummary(session);
  const title = session.problem.title;
  const scorecard = offersScorecardLink(session);
  return (
    <li className="session-item">
      <Link to={`/sessions/${session.id}`} className="session-row">
        <span className="session-row__main">
          <span className="session-row__title">{title}</span>
          <span className="session-row__people">{partnersText(session, user.id)}</span>
          {summary && (
            <span className="session-row__score">
              {summary.score && <strong className="session-row__score-value">{summary.score}</strong>}
              {summary.note && <span className="session-row__score-note">{summary.note}</span>}
            </span>
          )}
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
      {/* Beside the row, not inside it: a link cannot hold another. Named with the problem, as each row repeats them. */}
      {linksColumn && (
        <span className="session-item__links">
          {session.status === 'ended' && (
            <Link className="button button--secondary button--sm" to={`/sessions/${session.id}/review`} aria-label={`Review of ${title}`}>
              Review
            </Link>
          )}
          {scorecard && (
            <Link className="button button--secondary button--sm" to={`/sessions/${session.id}/scorecard`} aria-label={`Scorecard of ${title}`}>
              Scorecard
            </Link>
          )}
          {session.previousSessionId && (
            <Link className="button button--ghost button--sm" to={`/sessions/${session.previousSessionId}`} aria-label={`Previous round, before ${title}`}>
              Previous round
            </Link>
          )}
          {session.nextSessionId && (
            <Link className="button button--ghost button--sm" to={`/sessions/${session.nextSessionId}`} aria-label={`Next round, after ${title}`}>
              Next round
            </Link>
          )}
        </span>
      )}
    </li>
  );
}
