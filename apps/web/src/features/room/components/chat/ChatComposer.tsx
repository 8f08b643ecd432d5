import { CHAT_TEXT_MAX } from '@mockboard/protocol';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CommandResult } from '../../interview/command-errors';
import { useCommand } from '../../interview/use-command';

/** Where the count appears: a message this long is rare, and a counter from the first key is noise. */
const SHOW_COUNT_FROM = CHAT_TEXT_MAX - 200;

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function ChatComposer({ send }: { send: (text: string) => Promise<CommandResult> }) {
  const [text, setText] = useState('');
  const command = useCommand(send);
  const inputId = useId();
  const hintId = useId();
  const empty = text.trim() === '';

  const submit = async (): Promise<void> => {
    // Enter pressed again while the first send is on its way must not send the message twice.
    if (empty || command.pending) return;
    if (await command.run(text)) setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    // An IME's Enter confirms a composed character: it is not the end of the message.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  };

  return (
    <form
      className="chat-composer"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        Message
      </label>
      <textarea
        id={inputId}
        className="chat-composer__input"
        rows={2}
        maxLength={CHAT_TEXT_MAX}
        value={text}
        placeholder="Write a message"
        aria-describedby={hintId}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="chat-composer__row">
        <span id={hintId} className="chat-composer__hint">
          {text.length >= SHOW_COUNT_FROM ? `${String(text.length)} / ${String(CHAT_TEXT_MAX)} characters` : 'Shift+Enter for a new line'}
        </span>
        <button type="submit" className="button button--primary button--sm" disabled={empty} aria-busy={command.pending || undefined}>
          Send
        </button>
      </div>
      {command.error && (
        <p className="panel-section__error" role="alert">
          {command.error}
        </p>
      )}
    </form>
  );
}
