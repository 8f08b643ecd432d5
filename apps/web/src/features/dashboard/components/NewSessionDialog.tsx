import type { SeatRole } from '@mockboard/protocol';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { formErrorsFrom } from '../../../lib/form-errors';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { useProblems } from '../../problems/hooks/use-problems';
import { useCreateSession } from '../../sessions/hooks/use-sessions';
import { ROLE_LABELS } from '../../sessions/roles';
import { ProblemPicker } from './ProblemPicker';

const DURATIONS = [45, 60] as const;
type Duration = (typeof DURATIONS)[number];

const ROLE_HINTS: Record<SeatRole, string> = {
  interviewer: 'You run the interview and guide the design.',
  candidate: 'You design the system; invite someone to interview you.',
};

interface NewSessionDialogProps {
  open: boolean;
  onClose: () => void;
  /** Chosen when the dialog opens, e.g. from "Use for a new session" on the problems page. */
  initialProblemSlug?: string;
  /** The seat chosen when the dialog opens: the progress page suggests practising as the candidate. */
  initialRole?: SeatRole;
}

/** A modal form: pick the problem, your seat and the length, then go straight into the room. */
export function NewSessionDialog({ open, onClose, initialProblemSlug, initialRole }: NewSessionDialogProps) {
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
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby={titleId} onClose={onClose}>
      {open && <NewSessionForm titleId={titleId} initialProblemSlug={initialProblemSlug} initialRole={initialRole} onCancel={onClose} />}
    </dialog>
  );
}

function NewSessionForm({ titleId, initialProblemSlug, initialRole, onCancel }: { titleId: string; initialProblemSlug?: string; initialRole?: SeatRole; onCancel: () => void }) {
  const problems = useProblems();
  const create = useCreateSession();
  const navigate = useNavigate();
  const [problemSlug, setProblemSlug] = useState<string | null>(initialProblemSlug ?? null);
  const [role, setRole] = useState<SeatRole>(initialRole ?? 'interviewer');
  const [duration, setDuration] = useState<Duration>(45);
  const chosen = problems.data?.find((p) => p.slug === problemSlug) ?? problems.data?.[0];
  const error = create.error ? formErrorsFrom(create.error, []).form : undefined;

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!chosen || create.isPending) return;
    create.mutate(
      { problemSlug: chosen.slug, role, durationMinutes: duration },
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
        {problems.data && <ProblemPicker problems={problems.data} chosen={chosen?.slug} onChoose={setProblemSlug} />}
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
      <footer className="dialog__footer new-session__footer">
        {/* The chosen problem may be scrolled or filtered out of view: say what will be created. */}
        <p className="new-session__summary" aria-live="polite">
          {chosen && (
            <>
              <strong>{chosen.title}</strong> · {duration} min · you are the {ROLE_LABELS[role].toLowerCase()}
            </>
          )}
        </p>
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
