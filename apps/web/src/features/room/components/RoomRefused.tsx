import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { FullPageStatus } from '../../../ui/FullPageStatus';
import { ME_QUERY_KEY } from '../../auth/hooks/use-me';

const MESSAGES: Record<string, { title: string; text: string }> = {
  forbidden: { title: 'You are not part of this session', text: 'Ask the interviewer for an invite link.' },
  not_found: { title: 'Session not found', text: 'The link may be old, or the session may have been deleted.' },
  client_too_old: { title: 'Mockboard has been updated', text: 'Reload the page to get the new version.' },
  server_too_old: { title: 'The server is older than this page', text: 'The server is being updated. Try again in a few minutes.' },
  unauthorized: { title: 'Your session has ended', text: 'Log in again to rejoin the room.' },
  too_many_connections: { title: 'This room is open in too many tabs', text: 'Close some of them, then reload this page.' },
};

const FALLBACK = { title: 'We could not open the room', text: 'Reload the page to try again.' };

/** The server refused the room connection for a reason reconnecting cannot fix. */
export function RoomRefused({ reason }: { reason: string }) {
  const queryClient = useQueryClient();
  // An expired sign-in: clearing `me` lets RequireAuth send the user to log in and come back here.
  useEffect(() => {
    if (reason === 'unauthorized') queryClient.setQueryData(ME_QUERY_KEY, null);
  }, [reason, queryClient]);
  const message = MESSAGES[reason] ?? FALLBACK;
  return (
    <FullPageStatus title={message.title}>
      <p className="full-page-status__text">{message.text}</p>
      {reason === 'client_too_old' ? (
        <button type="button" className="button button--primary button--md" onClick={() => window.location.reload()}>
          Reload
        </button>
      ) : (
        <Link className="button button--secondary button--md" to="/">
          Go to your sessions
        </Link>
      )}
    </FullPageStatus>
  );
}
