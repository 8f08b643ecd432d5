import type { SessionView } from '@mockboard/protocol';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { partnersText } from '../../dashboard/session-people';

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface SessionPageHeaderProps {
  session: SessionView;
  pageName: string;
  actions?: ReactNode;
}

/** The top of a page about one session: the way back to its room, the problem, who took part and when. */
export function SessionPageHeader({ session, pageName, actions }: SessionPageHeaderProps) {
  const user = useCurrentUser();
  const when = session.endedAt ?? session.startedAt ?? session.createdAt;
  return (
    <>
      <title>{`${pageName} · ${session.problem.title} · Mockboard`}</title>
      <Link className="page__back" to={`/sessions/${session.id}`}>
        ← Back to the room
      </Link>
      <header className="page__header page__header--with-action">
        <div>
          <h1 className="page__title">{pageName}</h1>
          <p className="page__subtitle">
            {session.problem.title} · {partnersText(session, user.id)} · <time dateTime={when}>{DATE_FORMAT.format(new Date(when))}</time>
          </p>
        </div>
        {actions && <div className="page__actions">{actions}</div>}
      </header>
    </>
  );
}
