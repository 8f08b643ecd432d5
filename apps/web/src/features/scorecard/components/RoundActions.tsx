import type { SessionView } from '@mockboard/protocol';
import { Link, useNavigate } from 'react-router';
import { formErrorsFrom } from '../../../lib/form-errors';
import { Button } from '../../../ui/Button';
import { useSwapRoles } from '../../sessions/hooks/use-sessions';
import { canSwapRoles } from '../scorecard-access';

/**
 * The rounds a role swap links: the previous one, and the next one, or "Swap roles" to create it. The
 * server picks the next problem (one the new candidate has not practised) and answers the same session to
 * both people, so whoever presses first creates it and the other lands in it too.
 */
export function RoundActions({ session }: { session: SessionView }) {
  const swap = useSwapRoles(session.id);
  const navigate = useNavigate();
  const error = swap.error ? formErrorsFrom(swap.error, []).form : undefined;

  return (
    <>
      {session.previousSessionId && (
        <Link className="button button--ghost button--md" to={`/sessions/${session.previousSessionId}`}>
          Previous round
        </Link>
      )}
      {session.nextSessionId ? (
        <Link className="button button--secondary button--md" to={`/sessions/${session.nextSessionId}`}>
          Next round
        </Link>
      ) : (
        canSwapRoles(session) && (
          <Button
            pending={swap.isPending}
            onClick={() => swap.mutate(undefined, { onSuccess: (next) => void navigate(`/sessions/${next.id}`) })}
          >
            Swap roles
          </Button>
        )
      )}
      {error && (
        <p className="round-actions__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
