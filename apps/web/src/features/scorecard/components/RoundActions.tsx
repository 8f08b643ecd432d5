import type { SessionView } from '@mockboard/protocol';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formErrorsFrom } from '../../../lib/form-errors';
import { Button } from '../../../ui/Button';
import { NextRoundProblem } from '../../sessions/components/NextRoundProblem';
import { useSwapRoles } from '../../sessions/hooks/use-sessions';
import { canSwapRoles } from '../scorecard-access';

/**
 * The rounds a role swap links: the previous one, and the next one, or "Swap roles" to create it. Today's
 * candidate, who interviews next, picks the problem (the server suggests one their partner has not
 * practised); the server answers the same session to both people, so whoever presses first creates it.
 */
export function RoundActions({ session }: { session: SessionView }) {
  const swap = useSwapRoles(session.id);
  const [nextProblem, setNextProblem] = useState<string>();
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
          <>
            {session.myRole === 'candidate' && <NextRoundProblem sessionId={session.id} value={nextProblem} onChange={setNextProblem} />}
            <Button pending={swap.isPending} onClick={() => swap.mutate(nextProblem, { onSuccess: (next) => void navigate(`/sessions/${next.id}`) })}>
              Swap roles
            </Button>
          </>
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
