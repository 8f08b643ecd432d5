import type { SessionControl, SessionState } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { fetchSessionState, roomQueryKeys } from '../api/interview-api';
import { newerState, type ReceivedState } from './clock-display';
import type { CommandResult } from './command-errors';
import { sendControl } from './room-commands';

export interface SessionStateHandle {
  /** The newest state seen, with when it arrived; null until the first one does. */
  received: ReceivedState | null;
  /** Sends an interviewer command; the new state comes back as a `session:state` push, to everyone at once. */
  control: (command: SessionControl) => Promise<CommandResult>;
  /** A state read or pushed since this room opened (not one cached from an earlier visit) has arrived. */
  upToDate: boolean;
}

/**
 * The interview's state (rule I1). The server pushes it on connect and on every change; the REST read
 * covers a push that arrived before this listener was attached. Whichever is newer by version wins.
 *
 * No ticking here: the running clock re-renders only the agenda (see `useTickingNow`), not the room, so
 * the board is never re-rendered by the passing of time.
 */
export function useSessionState(provider: RoomProvider | null, sessionId: string): SessionStateHandle {
  const [pushed, setPushed] = useState<ReceivedState | null>(null);
  const fetched = useQuery({
    queryKey: roomQueryKeys.state(sessionId),
    queryFn: async (): Promise<ReceivedState> => ({ state: await fetchSessionState(sessionId), receivedAt: performance.now() }),
    // The pushes keep it current; re-reading it later would only be older than them. Read again when a room
    // opens, though: a copy cached from an earlier visit is out of date.
    staleTime: Infinity,
    refetchOnMount: 'always',
  });

  useEffect(() => {
    const socket = provider?.socket;
    if (!socket) return;
    const onState = (state: SessionState): void => {
      const incoming = { state, receivedAt: performance.now() };
      setPushed((current) => newerState(current, incoming));
    };
    socket.on('session:state', onState);
    return () => {
      socket.off('session:state', onState);
    };
  }, [provider]);

  const control = useCallback((command: SessionControl) => sendControl(provider?.socket, command), [provider]);
  return { received: newerState(pushed, fetched.data ?? null), control, upToDate: pushed !== null || fetched.isFetchedAfterMount };
}
