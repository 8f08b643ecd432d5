import {
  CONNECT_REFUSALS,
  PROTOCOL_VERSION,
  ROOM_NAMESPACE,
  type RecordingView,
  type RoomClientToServerEvents,
  type RoomServerToClientEvents,
} from '@mockboard/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { ApiRequestError } from '../../../lib/api-client';
import { sessionQueryKey } from '../../sessions/hooks/use-sessions';
import { fetchRecording, retryRecording } from '../api/recording-api';

const recordingKey = (sessionId: string) => [...sessionQueryKey(sessionId), 'recording'] as const;

/** Polling while the socket pushes changes only catches what a lost push missed; without it, it is the source. */
const POLL_MS = 1_000;
const POLL_WITH_PUSH_MS = 5_000;
const REFUSALS = new Set<string>(CONNECT_REFUSALS);

const isBuilding = (recording: RecordingView | undefined) => recording?.status === 'queued' || recording?.status === 'processing';
/** 404 until the session ends (rule V3): worth asking again, the end may be moments away. */
export const notEndedYet = (error: unknown) => error instanceof ApiRequestError && error.status === 404;

/** The recording's view, kept current while it builds: pushed over the room socket, polled as a fallback. */
export function useRecording(sessionId: string) {
  const queryClient = useQueryClient();
  // Read at each render, which every answer causes: the socket is open only while there is something to wait for.
  const state = queryClient.getQueryState<RecordingView>(recordingKey(sessionId));
  const pushing = useStatusPush(sessionId, isBuilding(state?.data) || notEndedYet(state?.error));

  return useQuery({
    queryKey: recordingKey(sessionId),
    queryFn: () => fetchRecording(sessionId),
    retry: (failures, error) => !(error instanceof ApiRequestError && error.status < 500) && failures < 2,
    refetchInterval: (query) => {
      if (isBuilding(query.state.data) || notEndedYet(query.state.error)) return pushing ? POLL_WITH_PUSH_MS : POLL_MS;
      return false;
    },
  });
}

export function useRetryRecording(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => retryRecording(sessionId),
    onSuccess: (recording) => queryClient.setQueryData(recordingKey(sessionId), recording),
  });
}

/**
 * Listens on the session's room socket for `recording:status` (rule V7) while `active`, writing each view
 * into the query's cache, and says whether it is connected. Only the socket, not a RoomProvider: the page
 * needs no live document, and never answers the sync the server opens.
 */
function useStatusPush(sessionId: string, active: boolean): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!active) return;
    const socket: Socket<RoomServerToClientEvents, RoomClientToServerEvents> = io(ROOM_NAMESPACE, {
      auth: { sessionId, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      withCredentials: true,
    });
    socket.on('connect', () => setConnected(true));
    socket.on('disconnect', () => setConnected(false));
    // A refusal (forbidden, too many connections) will not change by retrying: polling carries on alone.
    socket.on('connect_error', (error) => {
      if (REFUSALS.has(error.message)) socket.disconnect();
    });
    socket.on('recording:status', (recording) => queryClient.setQueryData(recordingKey(sessionId), recording));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      setConnected(false);
    };
  }, [sessionId, active, queryClient]);

  return connected;
}
