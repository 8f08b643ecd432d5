import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { SessionView } from '@mockboard/protocol';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LogoMark } from '../../../ui/Logo';
import { ROLE_LABELS } from '../../sessions/roles';
import type { RoomConnection } from '../connection/use-room-connection';
import type { Presence } from '../presence/use-presence';
import { ExportMenu } from './ExportMenu';
import { InviteButton } from './InviteButton';
import { ParticipantList } from './ParticipantList';
import { SaveIndicator } from './SaveIndicator';

interface RoomHeaderProps {
  session: SessionView;
  meId: string;
  connection: RoomConnection;
  presence: Presence;
  api: ExcalidrawImperativeAPI | null;
  /** Gives the board focus back when a header popover closes (its shortcuts need it). */
  focusBoard: () => void;
  /** The palette, on screens where it has no column of its own. */
  paletteMenu?: ReactNode;
}

export function RoomHeader({ session, meId, connection, presence, api, focusBoard, paletteMenu }: RoomHeaderProps) {
  const observing = session.myRole === 'observer';
  return (
    <header className="room-header">
      <Link to="/" className="room-header__home" aria-label="Back to your sessions">
        <LogoMark size={28} />
      </Link>
      <div className="room-header__title">
        <h1 className="room-header__problem" title={session.problem.title}>
          {session.problem.title}
        </h1>
        {observing ? (
          <span className="badge badge--readonly">Observing (read-only)</span>
        ) : (
          <span className={`badge badge--role badge--${session.myRole}`}>{ROLE_LABELS[session.myRole]}</span>
        )}
      </div>
      <ParticipantList
        participants={session.participants}
        peers={presence.peers}
        meId={meId}
        selfOnline={connection.status === 'connected'}
        following={presence.following}
        onFollow={presence.follow}
      />
      <div className="room-header__actions">
        {!observing && <SaveIndicator state={connection.saveState} />}
        {paletteMenu}
        <InviteButton session={session} focusBoard={focusBoard} />
        <ExportMenu api={api} title={session.problem.title} focusBoard={focusBoard} />
      </div>
    </header>
  );
}
