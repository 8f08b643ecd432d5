import type { ProblemSummary } from '@mockboard/protocol';
import { useId, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { NewSessionDialog } from '../../dashboard/components/NewSessionDialog';
import { useDeleteProblem, useProblems } from '../hooks/use-problems';
import { GuestCannotWrite } from './GuestCannotWrite';
import type { ProblemsLocationState } from './ProblemEditorPage';
import { ProblemMeta } from './ProblemMeta';
import '../../../styles/problems.css';
import { LoadingCard } from '../../../ui/LoadingCard';

/** `/problems`: the problems the user wrote, to edit, delete or start a session with. */
export function ProblemsPage() {
  const user = useCurrentUser();
  const [sessionFor, setSessionFor] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const saved = (location.state as ProblemsLocationState | null)?.saved;
  // The confirmation lives in the history entry; dismissing it replaces the entry so Back does not bring it back.
  const dismissSaved = () => void navigate('.', { replace: true, state: null });

  return (
    <div className="page">
      <title>My problems · Mockboard</title>
      <header className="page__header page__header--with-action">
        <div>
          <h1 className="page__title">My problems</h1>
          <p className="page__subtitle">Problems you wrote, with their interviewer guide. Only you can see and use them.</p>
        </div>
        {!user.isGuest && (
          <Link className="button button--primary button--md" to="/problems/new">
            New problem
          </Link>
        )}
      </header>

      {saved && (
        <Alert tone="success" action={<DismissButton onClick={dismissSaved} />}>
          Saved “{saved}”.
        </Alert>
      )}
      {deleted && (
        <Alert tone="success" action={<DismissButton onClick={() => setDeleted(null)} />}>
          Deleted “{deleted}”. Sessions that used it keep it.
        </Alert>
      )}

      {user.isGuest ? (
        <GuestCannotWrite />
      ) : (
        <OwnProblems
          onUse={setSessionFor}
          onDeleted={(title) => {
            if (saved) dismissSaved();
            setDeleted(title);
          }}
        />
      )}
      <NewSessionDialog open={sessionFor !== null} initialProblemSlug={sessionFor ?? undefined} onClose={() => setSessionFor(null)} />
    </div>
  );
}

function OwnProblems({ onUse, onDeleted }: { onUse: (slug: string) => void; onDeleted: (title: string) => void }) {
  const problems = useProblems();
  if (problems.isPending) {
    return <LoadingCard label="Loading your problems" />;
  }
  if (problems.isError) {
    return (
      <Alert tone="danger" action={<Button variant="secondary" size="sm" onClick={() => void problems.refetch()}>Try again</Button>}>
        Could not load your problems.
      </Alert>
    );
  }
  const own = problems.data.filter((p) => p.custom);
  if (own.length === 0) {
    return (
      <section className="card empty-state" aria-labelledby="problems-empty-title">
        <h2 className="empty-state__title" id="problems-empty-title">
          No problems of your own yet
        </h2>
        <p className="empty-state__text">
          Write one in the shape of the built-in problems: a prompt, clarifications, a guide for each of the 7 steps and the components a good
          diagram shows.
        </p>
        <Link className="button button--secondary button--md empty-state__action" to="/problems/new">
          Write your first problem
        </Link>
      </section>
    );
  }
  return (
    <section className="card problem-list" aria-labelledby="problem-list-title">
      <h2 className="visually-hidden" id="problem-list-title">
        Your problems
      </h2>
      <ul className="problem-list__items">
        {own.map((problem) => (
          <ProblemRow key={problem.slug} problem={problem} onUse={() => onUse(problem.slug)} onDeleted={() => onDeleted(problem.title)} />
        ))}
      </ul>
    </section>
  );
}

function ProblemRow({ problem, onUse, onDeleted }: { problem: ProblemSummary; onUse: () => void; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteProblem();
  const titleId = useId();

  return (
    <li className="problem-row" aria-labelledby={titleId}>
      <div className="problem-row__main">
        <h3 className="problem-row__title" id={titleId}>
          {problem.title}
        </h3>
        <p className="problem-row__summary">{problem.summary}</p>
        <ProblemMeta problem={problem} />
      </div>
      {confirming ? (
        <div className="problem-row__confirm" role="group" aria-label={`Delete ${problem.title}?`}>
          <p className="problem-row__confirm-text">Delete this problem? Sessions that used it keep it.</p>
          {remove.isError && <p className="field__error">{remove.error.message}</p>}
          <div className="problem-row__actions">
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={remove.isPending} autoFocus>
              Keep it
            </Button>
            <Button size="sm" className="button--danger" pending={remove.isPending} onClick={() => {
                // Not mutate's own onSuccess: the refreshed list drops this row first, and React Query skips
                // the callbacks of an unmounted caller. The error stays on `remove` for the row to show.
                remove.mutateAsync(problem.slug).then(onDeleted, () => undefined);
              }}>
              Delete problem
            </Button>
          </div>
        </div>
      ) : (
        <div className="problem-row__actions">
          <Button variant="secondary" size="sm" onClick={onUse}>
            Use for a new session
          </Button>
          <Link className="button button--ghost button--sm" to={`/problems/${encodeURIComponent(problem.slug)}/edit`} aria-label={`Edit ${problem.title}`}>
            Edit
          </Link>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={`Delete ${problem.title}`}>
            Delete
          </Button>
        </div>
      )}
    </li>
  );
}

function DismissButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="alert__dismiss" onClick={onClick} aria-label="Dismiss">
      ×
    </button>
  );
}
