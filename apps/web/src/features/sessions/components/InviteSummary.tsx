import type { InvitePreview } from '@mockboard/protocol';

/** "<inviter> invites you to a mock interview: <problem> (45 min)", with the problem's one-line summary. */
export function InviteSummary({ invite }: { invite: InvitePreview }) {
  return (
    <>
      <span className="invite-summary__line">
        <strong>{invite.invitedBy}</strong> invites you to a mock interview: <strong>{invite.problem.title}</strong> ({invite.durationMinutes} min)
      </span>
      {invite.problem.summary && <span className="invite-summary__problem">{invite.problem.summary}</span>}
      {invite.status === 'ended' && <span className="invite-summary__problem">This interview has ended; you can still open it to read the board.</span>}
      {invite.status === 'live' && <span className="invite-summary__problem">It has already started.</span>}
    </>
  );
}
