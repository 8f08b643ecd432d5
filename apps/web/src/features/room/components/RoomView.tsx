import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { AppState, ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { BOARD_COMPONENTS, type BoardComponent } from '@mockboard/interview';
import type { PublicUser, SessionView } from '@mockboard/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sessionQueryKey } from '../../sessions/hooks/use-sessions';
import { writeBoardStats } from '../board/board-stats';
import { placeComponent } from '../board/place-component';
import { useBoardBinding } from '../board/use-board-binding';
import { useRoomConnection } from '../connection/use-room-connection';
import { usePresence } from '../presence/use-presence';
import { ComponentPalette } from './ComponentPalette';
import { RoomBanners } from './RoomBanners';
import { RoomHeader } from './RoomHeader';
import { RoomRefused } from './RoomRefused';
import { Whiteboard } from './Whiteboard';
import '../../../styles/room.css';
import '../../../styles/room-header.css';

/** The live room: header, palette and the shared board, wired to the session's Yjs document. */
export function RoomView({ session, me }: { session: SessionView; me: PublicUser }) {
  const readOnly = session.myRole === 'observer';
  const connection = useRoomConnection(session.id);
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const presenceUser = useMemo(() => ({ id: me.id, name: me.displayName }), [me.id, me.displayName]);
  const presence = usePresence({ provider: connection.provider, api, me: presenceUser, role: session.myRole });
  const onBoardChange = useBoardBinding(connection.provider, api, readOnly);
  const roomRef = useRef<HTMLDivElement>(null);
  const { onSceneChange } = presence;
  const queryClient = useQueryClient();

  // Someone joined after the session was fetched: fetch it again, so they stay listed (with their seat)
  // after they disconnect and the invite's "which seat is free" note stays right.
  const newcomers = presence.peers
    .map((peer) => peer.state.user.id)
    .filter((id) => !session.participants.some((p) => p.userId === id))
    .sort()
    .join(',');
  useEffect(() => {
    if (newcomers) void queryClient.invalidateQueries({ queryKey: sessionQueryKey(session.id), exact: true });
  }, [newcomers, queryClient, session.id]);

  const onChange = useCallback(
    (elements: readonly OrderedExcalidrawElement[], appState: AppState) => {
      onBoardChange(elements, appState);
      onSceneChange(appState);
      writeBoardStats(roomRef.current, elements);
    },
    [onBoardChange, onSceneChange],
  );

  const place = useCallback(
    (component: BoardComponent, at?: { clientX: number; clientY: number }) => {
      if (api && !readOnly) void placeComponent(api, component, at);
    },
    [api, readOnly],
  );

  if (connection.refusal) return <RoomRefused reason={connection.refusal} />;

  return (
    <div className="room" ref={roomRef} data-element-count="0" data-board-labels="[]" data-connection={connection.status}>
      <title>{`${session.problem.title} · Mockboard`}</title>
      <RoomHeader session={session} meId={me.id} connection={connection} presence={presence} api={api} />
      <RoomBanners connection={connection} readOnly={readOnly} />
      <div className="room__body">
        {!readOnly && <ComponentPalette onPlace={place} disabled={!api} />}
        <div className="room__stage">
          <Whiteboard
            readOnly={readOnly}
            onApi={setApi}
            onChange={onChange}
            onPointerUpdate={presence.onPointerUpdate}
            onDropComponent={(id, point) => {
              const component = BOARD_COMPONENTS.find((c) => c.id === id);
              if (component) place(component, point);
            }}
          />
          {!connection.loaded && (
            <div className="room__loading" role="status">
              <span className="spinner spinner--muted" aria-hidden="true" />
              {connection.everConnected ? 'Loading the board…' : 'Connecting to the room…'}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
