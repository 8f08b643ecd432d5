import type { ParticipantRole, SessionParticipant } from '@mockboard/protocol';
import { ROLE_LABELS } from '../../sessions/roles';
import { avatarInitial } from '../presence/avatar-initial';
import { colorForUser, type Peer } from '../presence/presence';

interface ParticipantListProps {
  participants: readonly SessionParticipant[];
  peers: readonly Peer[];
  meId: string;
  /** Whether my own connection is up, for my own dot. */
  selfOnline: boolean;
  following: string | null;
  onFollow: (userId: string | null) => void;
}

interface Entry {
  userId: string;
  name: string;
  role: ParticipantRole;
  online: boolean;
  isMe: boolean;
}

const ROLE_ORDER: Record<ParticipantRole, number> = { interviewer: 0, candidate: 1, observer: 2 };

/**
 * Who is in the session and who is here right now. The two seats get a chip each, with a Follow action
 * for whoever is present; observers, who can be many, are a row of avatars.
 */
export function ParticipantList({ participants, peers, meId, selfOnline, following, onFollow }: ParticipantListProps) {
  const entries = entriesFrom(participants, peers, meId, selfOnline);
  const seated = entries.filter((e) => e.role !== 'observer');
  const observers = entries.filter((e) => e.role === 'observer');
  return (
    <ul className="participants" aria-label="Participants">
      {seated.map((entry) => {
        const isFollowed = following === entry.userId;
        return (
          <li key={entry.userId} className="participant" data-online={entry.online}>
            <Avatar entry={entry} />
            <span className="participant__who">
              <span className="participant__name">
                {entry.name}
                {entry.isMe && <span className="participant__you"> (you)</span>}
              </span>
              <span className="participant__role">
                {ROLE_LABELS[entry.role]}
                <span className="visually-hidden">{entry.online ? ', online' : ', away'}</span>
              </span>
            </span>
            {!entry.isMe && entry.online && (
              <button
                type="button"
                className={isFollowed ? 'participant__follow participant__follow--on' : 'participant__follow'}
                aria-pressed={isFollowed}
                aria-label={isFollowed ? `Stop following ${entry.name}` : `Follow ${entry.name}`}
                title={isFollowed ? 'Stop following' : 'See what they see'}
                onClick={() => onFollow(isFollowed ? null : entry.userId)}
              >
                {isFollowed ? 'Following' : 'Follow'}
              </button>
            )}
          </li>
        );
      })}
      {observers.length > 0 && (
        <li className="participant participant--observers">
          <span className="participant__stack">
            {observers.map((entry) => (
              <Avatar key={entry.userId} entry={entry} label />
            ))}
          </span>
          <span className="participant__role">{observers.length === 1 ? '1 observer' : `${String(observers.length)} observers`}</span>
        </li>
      )}
    </ul>
  );
}

function Avatar({ entry, label = false }: { entry: Entry; label?: boolean }) {
  const description = `${entry.name}${entry.isMe ? ' (you)' : ''}, ${ROLE_LABELS[entry.role].toLowerCase()}, ${entry.online ? 'online' : 'away'}`;
  // The cursor's colour on the board (see colorForUser), with the same hue, darker, for the letter.
  const color = colorForUser(entry.userId);
  return (
    <span
      className="participant__avatar"
      data-online={entry.online}
      style={{ background: color.background, color: color.stroke }}
      title={description}
      role={label ? 'img' : undefined}
      aria-label={label ? description : undefined}
      aria-hidden={label ? undefined : true}
    >
      {avatarInitial(entry.name)}
      <span className="participant__dot" />
    </span>
  );
}

function entriesFrom(participants: readonly SessionParticipant[], peers: readonly Peer[], meId: string, selfOnline: boolean): Entry[] {
  const online = new Set(peers.map((p) => p.state.user.id));
  const entries = new Map<string, Entry>();
  for (const p of participants) {
    entries.set(p.userId, { userId: p.userId, name: p.displayName, role: p.role, online: p.userId === meId ? selfOnline : online.has(p.userId), isMe: p.userId === meId });
  }
  // Someone who joined after this page loaded is not in the session we fetched, but their presence says who they are.
  for (const { state } of peers) {
    if (!entries.has(state.user.id)) {
      entries.set(state.user.id, { userId: state.user.id, name: state.user.name, role: state.user.role, online: true, isMe: false });
    }
  }
  return [...entries.values()].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));
}
