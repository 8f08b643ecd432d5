import type { RoomProvider } from '@mockboard/room-client';
import { useChat } from '../../interview/use-chat';
import { PanelSection } from '../PanelSection';
import { ChatComposer } from './ChatComposer';
import { ChatLog } from './ChatLog';

interface ChatPanelProps {
  sessionId: string;
  provider: RoomProvider | null;
  meId: string;
  /** Observers read the chat but do not write in it (rule I5). */
  canWrite: boolean;
}

/** The room's text chat: open before, during and after the interview (a debrief is normal). */
export function ChatPanel({ sessionId, provider, meId, canWrite }: ChatPanelProps) {
  const chat = useChat(sessionId, provider);
  return (
    <PanelSection title="Chat" className="chat">
      {chat.loadError ? (
        <p className="panel-section__error" role="alert">
          The chat history could not be loaded: {chat.loadError.message}
        </p>
      ) : chat.loading ? (
        <p className="panel-section__empty">Loading the chat…</p>
      ) : null}
      <ChatLog messages={chat.messages} meId={meId} />
      {canWrite ? <ChatComposer send={chat.send} /> : <p className="panel-section__note">Observers read the chat.</p>}
    </PanelSection>
  );
}
