import type { ChatMessage } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchChatHistory, roomQueryKeys } from '../api/interview-api';
import { mergeMessages } from './chat-messages';
import type { CommandResult } from './command-errors';
import { sendChat } from './room-commands';

export interface Chat {
  messages: ChatMessage[];
  loading: boolean;
  loadError: Error | null;
  send: (text: string) => Promise<CommandResult<{ id: number }>>;
}

/**
 * The room's chat (rule I5): the stored history, plus what is pushed while the page is open. Pushed
 * messages are kept apart from the history rather than written into its cache, so a history answer that
 * lands after a push cannot drop the pushed message. After a reconnect the history is read again: what
 * was said while this page was offline, or before its socket joined, is only there.
 */
export function useChat(sessionId: string, provider: RoomProvider | null): Chat {
  const history = useQuery({
    queryKey: roomQueryKeys.chat(sessionId),
    queryFn: () => fetchChatHistory(sessionId),
    staleTime: Infinity,
  });
  const [live, setLive] = useState<ChatMessage[]>([]);
  const { refetch } = history;

  useEffect(() => {
    const socket = provider?.socket;
    if (!socket) return;
    const onMessage = (message: ChatMessage): void => setLive((current) => [...current, message]);
    // The server puts a socket in the room's broadcasts before it handles anything else, so a history read
    // after 'connect' holds everything this socket will not be pushed.
    const onConnect = (): void => void refetch();
    socket.on('chat:message', onMessage);
    socket.on('connect', onConnect);
    return () => {
      socket.off('chat:message', onMessage);
      socket.off('connect', onConnect);
    };
  }, [provider, refetch]);

  const messages = useMemo(() => mergeMessages(history.data ?? [], live), [history.data, live]);
  const send = useCallback((text: string) => sendChat(provider?.socket, text), [provider]);
  return { messages, loading: history.isPending, loadError: history.error, send };
}
