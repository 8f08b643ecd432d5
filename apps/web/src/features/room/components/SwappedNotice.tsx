import type { SessionView } from '@mockboard/protocol';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { ROLE_LABELS } from '../../sessions/roles';
import type { SwappedFrom } from './RoundBar';

/** The room a swap came from, read defensively: history state survives reloads and app versions. */
function swappedFrom(state: unknown): SwappedFrom['swappedFrom'] | null {
  return typeof state === 'object' && state !== null && 'swappedFrom' in state && typeof state.swappedFrom === 'string' ? state.swappedFrom : null;
}

/** In the room a role swap led to: says which seat this person now has. */
export function SwappedNotice({ session }: { session: SessionView }) {
  const location = useLocation();
  const [dismissed, setDismissed] = useState(false);
  const from = swappedFrom(location.state);
  if (dismissed || !from || from !== session.previousSessionId || session.myRole === 'observer') return null;
  return (
    <div className="room-banner room-banner--info round-bar" role="status">
      <span>
        <strong>Roles swapped.</strong> You are the {ROLE_LABELS[session.myRole].toLowerCase()} in this round.
      </span>
      <button type="button" className="round-bar__dismiss" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
