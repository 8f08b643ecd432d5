import type { RubricNote } from '@mockboard/protocol';
import { formatSessionTime, sortNotes, stepTitle } from '../scorecard-format';

/** The interviewer's quick notes, each at the session time it was written and the step then current. */
export function RubricNotesList({ notes, failed }: { notes: RubricNote[] | null; failed: boolean }) {
  return (
    <section className="card scorecard-notes" aria-labelledby="scorecard-notes-title">
      <h2 className="scorecard-section__title" id="scorecard-notes-title">
        Notes during the interview
      </h2>
      {failed && <p className="scorecard-notes__empty">Could not load the notes.</p>}
      {!failed && notes === null && <span className="spinner spinner--muted" role="status" aria-label="Loading the notes" />}
      {notes?.length === 0 && <p className="scorecard-notes__empty">No notes were taken.</p>}
      {notes && notes.length > 0 && (
        <ol className="scorecard-notes__items">
          {sortNotes(notes).map((note) => {
            const time = formatSessionTime(note.atMs);
            return (
              <li key={note.id} className="scorecard-note">
                <span className="scorecard-note__when">
                  {time === null ? 'Before the start' : <time dateTime={`PT${String(Math.floor((note.atMs ?? 0) / 1000))}S`}>{time}</time>}
                  {note.step && <span className="scorecard-note__step">{stepTitle(note.step)}</span>}
                </span>
                <p className="scorecard-text scorecard-note__text">{note.text}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
