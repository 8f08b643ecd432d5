import type { ChatMessage } from '@mockboard/protocol';
import { useLayoutEffect, useRef } from 'react';
import { messageTime } from '../../interview/chat-messages';

/** How close to the bottom counts as "reading the latest": a new message then scrolls into view. */
const NEAR_BOTTOM_PX = 48;

/** The conversation, newest last; it follows new messages unless the reader has scrolled up to read back. */
export function ChatLog({ messages, meId }: { messages: readonly ChatMessage[]; meId: string }) {
  const listRef = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  const last = messages.at(-1);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || !last) return;
    if (following.current || last.userId === meId) list.scrollTop = list.scrollHeight;
  }, [last, meId]);

  return (
    <ol
      ref={listRef}
      className="chat-log"
      role="log"
      aria-label="Messages"
      tabIndex={0}
      onScroll={(event) => {
        const list = event.currentTarget;
        following.current = list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_BOTTOM_PX;
      }}
    >
      {messages.length === 0 && <li className="chat-log__empty">No messages yet.</li>}
      {messages.map((message) => {
        const mine = message.userId === meId;
        return (
          <li key={message.id} className={`chat-message${mine ? ' chat-message--mine' : ''}`}>
            <p className="chat-message__meta">
              <span className="chat-message__author">{mine ? 'You' : message.displayName}</span>
              <time className="chat-message__time" dateTime={new Date(message.at).toISOString()}>
                {messageTime(message.at)}
              </time>
            </p>
            <p className="chat-message__text">{message.text}</p>
          </li>
        );
      })}
    </ol>
  );
}
