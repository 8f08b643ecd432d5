import type { StoredProblem } from '@mockboard/protocol';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiRequestError } from '../../../lib/api-client';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { useProblemDefinition } from '../hooks/use-problems';
import { emptyProblemValues, valuesFromProblem } from '../problem-form';
import { GuestCannotWrite } from './GuestCannotWrite';
import { ProblemForm } from './ProblemForm';
import '../../../styles/problems.css';
import { LoadingCard } from '../../../ui/LoadingCard';

/** Where a saved problem's title travels to the list page, which confirms the save. */
export interface ProblemsLocationState {
  saved?: string;
}

/** `/problems/new` and `/problems/:slug/edit`. */
export function ProblemEditorPage() {
  const { slug } = useParams();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const onSaved = (problem: StoredProblem) => void navigate('/problems', { state: { saved: problem.title } satisfies ProblemsLocationState });
  const title = slug ? 'Edit problem' : 'New problem';

  return (
    <div className="page problem-editor">
      <title>{`${title} · Mockboard`}</title>
      <header className="page__header">
        <Link className="page__back" to="/problems">
          ← My problems
        </Link>
        <h1 className="page__title">{title}</h1>
        <p className="page__subtitle">Private to you. Interviewers of your sessions with it see its guide like a built-in one.</p>
      </header>
      {user.isGuest ? (
        <GuestCannotWrite />
      ) : slug ? (
        <EditProblem slug={slug} onSaved={onSaved} />
      ) : (
        <ProblemForm initialValues={emptyProblemValues()} onSaved={onSaved} />
      )}
    </div>
  );
}

function EditProblem({ slug, onSaved }: { slug: string; onSaved: (problem: StoredProblem) => void }) {
  const problem = useProblemDefinition(slug);
  if (problem.isPending) {
    return <LoadingCard label="Loading the problem" />;
  }
  if (problem.isError) {
    const missing = problem.error instanceof ApiRequestError && problem.error.status === 404;
    return (
      <Alert tone="danger" action={missing ? undefined : <Button variant="secondary" size="sm" onClick={() => void problem.refetch()}>Try again</Button>}>
        {missing ? 'This problem does not exist, or it is not yours to edit.' : 'Could not load the problem.'}
      </Alert>
    );
  }
  // Keyed by slug: the form's state is its initial values, taken once.
  return <ProblemForm key={slug} slug={slug} initialValues={valuesFromProblem(problem.data)} onSaved={onSaved} />;
}
