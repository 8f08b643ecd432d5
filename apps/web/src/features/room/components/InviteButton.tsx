import type { SessionView } from '@mockboard/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { copyText } from '../../../lib/copy-text';
import { Popover } from '../../../ui/Popover';
import { rotateInvite } from '../../sessions/api/sessions-api';
import { sessionQueryKey } from '../../sessions/hooks/use-sessions';
import { FocusBoardOnClose } from './FocusBoardOnClose';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies the invite link as it opens, and shows it too: the clipboard is not available everywhere. */
export function InviteButton({ session, focusBoard }: { session: SessionView; focusBoard: () => void }) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const queryClient = useQueryClient();
  const rotate = useMutation({
    mutationFn: () => rotateInvite(session.id),
    onSuccess: (invite) => {
      queryClient.setQueryData<SessionView>(sessionQueryKey(session.id), (current) => current && { ...current, ...invite });
      setCopy('idle');
    },
  });
  const url = session.inviteUrl;
  if (!url) return null;

  const copyLink = (): void => {
    void copyText(url).then((copied) => setCopy(copied ? 'copied' : 'failed'));
  };

  return (
    <Popover label="Invite" triggerClassName="button button--primary button--sm" onOpen={copyLink}>
      {() => (
        <div className="invite">
          <label className="field__label" htmlFor="invite-link">
            Invite link
          </label>
          <div className="invite__row">
            <input id="invite-link" className="field__input invite__input" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
            <button type="button" className="button button--secondary button--sm" onClick={copyLink}>
              Copy
            </button>
          </div>
          <p className="invite__status" role="status">
            {copy === 'copied' ? 'Link copied to the clipboard.' : copy === 'failed' ? 'Copy the link above and send it.' : '\u00a0'}
          </p>
          <p className="invite__note">{seatNote(session)}</p>
          <FocusBoardOnClose focusBoard={focusBoard} />
          {session.myRole === 'interviewer' && (
            <button type="button" className="invite__rotate" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
              {rotate.isPending ? 'Making a new link…' : 'Make a new link (the old one stops working)'}
            </button>
          )}
        </div>
      )}
    </Popover>
  );
}

function seatNote(session: SessionView): string {
  const taken = new Set(session.participants.map((p) => p.role));
  if (!taken.has('candidate')) return 'The first person to open it takes the candidate seat; anyone after that watches.';
  if (!taken.has('interviewer')) return 'The first person to open it takes the interviewer seat; anyone after that watches.';
  return 'Both seats are taken: anyone who opens it now watches as an observer.';
}
