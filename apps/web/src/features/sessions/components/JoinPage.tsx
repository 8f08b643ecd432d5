import { useEffect, useRef } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { ApiRequestError } from '../../../lib/api-client';
import { Button } from '../../../ui/Button';
import { FullPageStatus } from '../../../ui/FullPageStatus';
import { useInvitePreview, useJoinSession } from '../hooks/use-sessions';
import { InviteSummary } from './InviteSummary';

/** `/join/:code`: claims a seat (or an observer place) with the invite, then opens the room. */
export function JoinPage() {
  const { code = '' } = useParams();
  const join = useJoinSession();
  const preview = useInvitePreview(code);
  // The preview is a courtesy: joining does not wait for it, and a failed preview shows nothing.
  const summary = preview.data && (
    <p className="full-page-status__text invite-summary">
      <InviteSummary invite={preview.data} />
    </p>
  );
  const { mutate } = join;
  // StrictMode runs effects twice; joining is idempotent on the server, but one request is enough.
  const requested = useRef<string | null>(null);

  useEffect(() => {
    if (requested.current === code) return;
    requested.current = code;
    mutate(code);
  }, [code, mutate]);

  if (join.isSuccess) return <Navigate to={`/sessions/${join.data.id}`} replace />;
  if (join.isError) {
    if (join.error instanceof ApiRequestError && join.error.status === 404) return <InviteNotValid />;
    return (
      <FullPageStatus title="We couldn't open this invite">
        <title>Invite · Mockboard</title>
        {summary}
        <p className="full-page-status__text">{join.error.message}</p>
        <Button variant="secondary" onClick={() => join.mutate(code)}>
          Try again
        </Button>
      </FullPageStatus>
    );
  }
  return (
    <FullPageStatus title="Joining the session" busy>
      <title>Joining · Mockboard</title>
      {summary}
    </FullPageStatus>
  );
}

function InviteNotValid() {
  return (
    <FullPageStatus title="This invite is not valid">
      <title>Invite not valid · Mockboard</title>
      <p className="full-page-status__text">
        The link may be mistyped, or the interviewer may have replaced it with a new one. Ask them for a fresh invite link.
      </p>
      <Link className="button button--secondary button--md" to="/">
        Go to your sessions
      </Link>
    </FullPageStatus>
  );
}
