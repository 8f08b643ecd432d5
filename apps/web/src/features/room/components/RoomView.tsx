import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { AppState, ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { BOARD_COMPONENTS, type BoardComponent } from '@mockboard/interview';
import type { PublicUser, SessionView } from '@mockboard/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sessionQueryKey } from '../../sessions/hooks/use-sessions';
import { writeBoardStats } from '../board/board-stats';
import { placeComponent } from '../board/place-component';
import { focusBoard } from '../board/focus-board';
import { useBoardBinding } from '../board/use-board-binding';
import { useRoomConnection } from '../connection/use-room-connection';
import { useNextRound } from '../interview/use-next-round';
import { useSessionState } from '../interview/use-session-state';
import { WIDE_ROOM_QUERY } from '../layout/room-layout';
import { useMediaQuery } from '../layout/use-media-query';
import { usePresence } from '../presence/use-presence';
import { Agenda } from './agenda/Agenda';
import { ChatPanel } from './chat/ChatPanel';
import { ComponentPalette } from './ComponentPalette';
import { PaletteMenu } from './PaletteMenu';
import { ProblemPanel } from './problem/ProblemPanel';
import { RoomBanners } from './RoomBanners';
import { RoomHeader } from './RoomHeader';
import { RoomRefused } from './RoomRefused';
import { RoundBar } from './RoundBar';
import { RubricPanel } from './rubric/RubricPanel';
import { SwappedNotice } from './SwappedNotice';
import { Whiteboard } from './Whiteboard';
import '../../../styles/room.css';
import '../../../styles/room-header.css';
import '../../../styles/room-panels.css';
import '../../../styles/room-agenda.css';
import '../../../styles/room-problem.css';
import '../../../styles/room-chat.css';
import '../../../styles/room-rubric.css';

/**
 * The live room: the header, the shared board with its palette, and the interview beside it (agenda,
 * problem, the interviewer's rubric, chat), all wired to the session's room connection.
 */
export function RoomView({ session, me }: { session: SessionView; me: PublicUser }) {
  const readOnly = session.myRole === 'observer';
  const isInterviewer = session.myRole === 'interviewer';
  const connection = useRoomConnection(session.id);
  const interview = useSessionState(connection.provider, session.id);
  const followTo = useNextRound(interview.received, interview.upToDate);
  const wide = useMediaQuery(WIDE_ROOM_QUERY);
  const stageRef = useRef<HTMLElement>(null);
  const focusTheBoard = useCallback(() => focusBoard(stageRef.current), []);
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

  // The board has the keyboard from the start: Excalidraw's shortcuts work without clicking it first.
  useEffect(() => {
    if (!api) return;
    const frame = requestAnimationFrame(focusTheBoard);
    return () => cancelAnimationFrame(frame);
  }, [api, focusTheBoard]);

  if (connection.refusal) return <RoomRefused reason={connection.refusal} />;

  return (
    <div className="room" ref={roomRef} data-element-count="0" data-board-labels="[]" data-connection={connection.status}>
      <title>{`${session.problem.title} · Mockboard`}</title>
      <RoomHeader
        session={session}
        meId={me.id}
        connection={connection}
        presence={presence}
        api={api}
        focusBoard={focusTheBoard}
        paletteMenu={!readOnly && !wide && <PaletteMenu onPlace={place} disabled={!api} focusBoard={focusTheBoard} />}
      />
      <RoomBanners connection={connection} readOnly={readOnly} />
      <SwappedNotice session={session} />
      <RoundBar session={session} state={interview.received?.state} followTo={followTo} />
      <div className="room__body">
        {!readOnly && wide && <ComponentPalette onPlace={place} disabled={!api} />}
        <section className="room__stage" aria-label="Whiteboard" ref={stageRef}>
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
        </section>
        <aside className={`room__side${isInterviewer ? ' room__side--scoring' : ''}`} aria-label="Interview">
          <Agenda received={interview.received} isInterviewer={isInterviewer} control={interview.control} />
          <ProblemPanel
            sessionId={session.id}
            problem={session.problem}
            state={interview.received?.state}
            isInterviewer={isInterviewer}
            doc={connection.provider?.doc ?? null}
            control={interview.control}
          />
          {/* Rendered (and so fetched) for the interviewer only: the scorecard is theirs until released. */}
          {isInterviewer && <RubricPanel sessionId={session.id} state={interview.received?.state} />}
          <ChatPanel sessionId={session.id} provider={connection.provider} meId={me.id} canWrite={!readOnly} />
        </aside>
      </div>
    </div>
  );
}
