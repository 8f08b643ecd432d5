import { frameworkStep } from '@mockboard/interview';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatClock } from '../../interview/clock-display';
import { noteStorageKey, useRubricNotes } from '../../scoring/use-rubric-notes';

const NOTE_MAX = 2000;

function readKept(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function keep(key: string, text: string): void {
  try {
    if (text) window.localStorage.setItem(key, text);
    else window.localStorage.removeItem(key);
  } catch {
    // Storage denied: the text stays in the box for as long as the page is open.
  }
}

/**
 * Quick notes, stamped by the server with the session time and the step then current. Enter adds one; a
 * note that does not go through stays in the box (and in the browser) with a way to try again.
 */
export function QuickNotes({ sessionId, canAdd }: { sessionId: string; canAdd: boolean }) {
  const { notes, add } = useRubricNotes(sessionId);
  const storageKey = noteStorageKey(sessionId);
  const [text, setText] = useState(() => readKept(storageKey));
  const inputId = useId();
  const empty = text.trim() === '';

  const change = (next: string): void => {
    setText(next);
    keep(storageKey, next);
  };

  const submit = (): void => {
    // Enter pressed again while the first post is on its way must not add the note twice.
    if (empty || add.isPending) return;
    const sent = text;
    add.mutate(sent, {
      onSuccess: () => {
        // Typing may have gone on while it was on its way: only what was sent leaves the box.
        setText((current) => {
          const rest = current.startsWith(sent) ? current.slice(sent.length).trimStart() : current;
          keep(storageKey, rest);
          return rest;
        });
      },
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  const list = notes.data ?? [];
  return (
    <div className="quick-notes">
      {canAdd && (
        <form
          className="quick-notes__form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            submit();
          }}
        >
          <label htmlFor={inputId} className="rubric-label">
            Quick note
          </label>
          <div className="quick-notes__row">
            <textarea
              id={inputId}
              className="rubric-textarea quick-notes__input"
              rows={1}
              maxLength={NOTE_MAX}
              value={text}
              placeholder="Enter to add"
              onChange={(event) => change(event.target.value)}
              onKeyDown={onKeyDown}
            />
            <button type="submit" className="button button--secondary button--sm" disabled={empty} aria-busy={add.isPending || undefined}>
              {add.isError ? 'Retry' : 'Add'}
            </button>
          </div>
          {add.isError && (
            <p className="panel-section__error" role="alert">
              Not added yet: {add.error.message} The note is kept here; press Retry.
            </p>
          )}
        </form>
      )}
      {notes.isError && (
        <p className="panel-section__error" role="alert">
          The notes could not be loaded: {notes.error.message}
        </p>
      )}
      {list.length > 0 && (
        <ol className="quick-notes__list" aria-label="Quick notes">
          {list.map((note) => (
            <li key={note.id} className="quick-note">
              <span className="quick-note__meta">
                <span className="quick-note__time">{note.atMs === null ? 'before start' : formatClock(note.atMs)}</span>
                {note.step && <span className="quick-note__step">{frameworkStep(note.step).title}</span>}
              </span>
              <span className="quick-note__text">{note.text}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
