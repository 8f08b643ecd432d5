import { memo } from 'react';
import { momentText, type ChatMarker } from '../player/timeline-layout';

interface ChatSoFarProps {
  /** Chat markers up to the playhead, in time order. */
  messages: readonly ChatMarker[];
  onSeek: (atMs: number) => void;
}

/** The chat as it stood at the playhead; re-rendered only when a message comes into view or leaves it. */
export const ChatSoFar = memo(function ChatSoFar({ messages, onSeek }: ChatSoFarProps) {
  return (
    <section className="card review-panel" aria-labelledby="review-chat-title">
      <h2 className="review-panel__title" id="review-chat-title">
        Chat so far
      </h2>
      {messages.length === 0 ? (
        <p className="review-panel__empty">Nothing said yet at this point.</p>
      ) : (
        <ol className="review-chat" aria-label="Messages">
          {messages.map((message) => (
            <li key={message.seq} className="review-chat__message">
              <button type="button" className="review-chat__when link-button" onClick={() => onSeek(message.atMs)} aria-label={`Go to ${momentText(message.atMs)}`}>
                {momentText(message.atMs)}
              </button>
              <span className="review-chat__author">{message.displayName}</span>
              <p className="review-chat__text">{message.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
