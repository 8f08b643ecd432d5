import type { SeatRole } from '@mockboard/protocol';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { formErrorsFrom } from '../../../lib/form-errors';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { useCreateSession, useProblems } from '../../sessions/hooks/use-sessions';
import { ROLE_LABELS } from '../../sessions/roles';

const DURATIONS = [45, 60] as const;
type Duration = (typeof DURATIONS)[number];

const ROLE_HINTS: Record<SeatRole, string> = {
  interviewer: 'You run the interview and guide the design.',
  candidate: 'You design the system; invite someone to interview you.',
};

interface NewSessionDialogProps {
  open: boolean;
  onClose: () => void;
}

/** A modal form: pick the problem, your seat and the length, then go straight into the room. */
export function NewSessionDialog({ open, onClose }: NewSessionDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // A native <dialog> opened with showModal() traps focus and closes on Escape for free.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {open && <NewSessionForm titleId={titleId} onCancel={onClose} />}
    </dialog>
  );
}

function NewSessionForm({ titleId, onCancel }: { titleId: string; onCancel: () => void }) {
  const problems = useProblems();
  const create = useCreateSession();
  const navigate = useNavigate();
  const [problemSlug, setProblemSlug] = useState<string | null>(null);
  const [role, setRole] = useState<SeatRole>('interviewer');
  const [duration, setDuration] = useState<Duration>(45);
  const chosen = problemSlug ?? problems.data?.[0]?.slug ?? null;
  const error = create.error ? formErrorsFrom(create.error, []).form : undefined;

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!chosen || create.isPending) return;
    create.mutate(
      { problemSlug: chosen, role, durationMinutes: duration },
      { onSuccess: (session) => void navigate(`/sessions/${session.id}`) },
    );
  }

  return (
    <form className="new-session" onSubmit={onSubmit}>
      <header className="dialog__header">
        <h2 className="dialog__title" id={titleId}>
          New session
        </h2>
        <button type="button" className="dialog__close" onClick={onCancel} aria-label="Close">
          ×
        </button>
      </header>

      <fieldset className="choice-group">
        <legend className="choice-group__legend">Problem</legend>
        {problems.isPending && <span className="spinner spinner--muted" role="status" aria-label="Loading problems" />}
        {problems.isError && <Alert tone="danger">Could not load the problems. Close this and try again.</Alert>}
        <div className="problem-options">
          {problems.data?.map((problem) => (
            <label key={problem.slug} className="choice-card">
              <input type="radio" name="problem" value={problem.slug} checked={chosen === problem.slug} onChange={() => setProblemSlug(problem.slug)} />
              <span className="choice-card__body">
                <span className="choice-card__title">{problem.title}</span>
                <span className="choice-card__text">{problem.prompt}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="new-session__row">
        <fieldset className="choice-group">
          <legend className="choice-group__legend">Your role</legend>
          <div className="segmented-choice">
            {(['interviewer', 'candidate'] as const).map((value) => (
              <label key={value} className="segmented-choice__item">
                <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} />
                <span>{ROLE_LABELS[value]}</span>
              </label>
            ))}
          </div>
          <p className="choice-group__hint">{ROLE_HINTS[role]}</p>
        </fieldset>

        <fieldset className="choice-group">
          <legend className="choice-group__legend">Length</legend>
          <div className="segmented-choice">
            {DURATIONS.map((value) => (
              <label key={value} className="segmented-choice__item">
                <input type="radio" name="duration" value={value} checked={duration === value} onChange={() => setDuration(value)} />
                <span>{value} min</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      {error && <Alert tone="danger">{error}</Alert>}
      <footer className="dialog__footer">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending} disabled={!chosen}>
          Create session
        </Button>
      </footer>
    </form>
  );
}
