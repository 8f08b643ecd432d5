import type { SessionState, SessionView } from '@mockboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../ui/Button';
import { fetchSession } from '../../sessions/api/sessions-api';
import { NextRoundProblem } from '../../sessions/components/NextRoundProblem';
import { sessionQueryKey, useSwapRoles } from '../../sessions/hooks/use-sessions';

/** How long the "taking you to the next round" notice shows before the room changes. */
const FOLLOW_DELAY_MS = 1500;

/** What a room's location carries into the next round, so the new room can say the roles were swapped. */
export interface SwappedFrom {
  swappedFrom: string;
}

interface RoundBarProps {
  session: SessionView;
  state: SessionState | undefined;
  /** The next round the other person just swapped into, to follow now (see useNextRound). */
  followTo: string | null;
}

const scorecardPath = (id: string): string => `/sessions/${id}/scorecard`;
const reviewPath = (id: string): string => `/sessions/${id}/review`;

/**
 * The strip under the header once the interview has ended: the scorecard (the interviewer's at any time,
 * the candidate's once released; before that, the candidate's page to rate the interviewer), and
 * "Swap roles" for the next round with the seats reversed (rule R6).
 * When the other person swaps, this room says so and follows them a moment later.
 */
export function RoundBar({ session, state, followTo }: RoundBarProps) {
  const navigate = useNavigate();
  const swap = useSwapRoles(session.id);
  const [nextProblem, setNextProblem] = useState<string>();
  const seated = session.myRole !== 'observer';
  const ended = state?.status === 'ended';
  const released = session.scorecard?.status === 'released';

  // The candidate's scorecard link appears when the interviewer releases it: nothing is pushed for that, so
  // the candidate's ended room reads the session again now and then (and on coming back to the window).
  useQuery({
    queryKey: sessionQueryKey(session.id),
    queryFn: () => fetchSession(session.id),
    enabled: session.myRole === 'candidate' && ended && !released,
    refetchInterval: 10_000,
    refetchOnWindowFocus: true,
  });

  useEffect(() => {
    if (!followTo || !seated) return;
    const timer = setTimeout(() => void navigate(`/sessions/${followTo}`, { state: { swappedFrom: session.id } satisfies SwappedFrom }), FOLLOW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [followTo, seated, navigate, session.id]);

  if (!ended) return null;
  const nextId = followTo ?? state.nextSessionId ?? session.nextSessionId;
  // A swap needs both seats taken (R6): an interview the candidate never joined has no next round.
  const bothSeated = session.participants.some((p) => p.role === 'candidate') && session.participants.some((p) => p.role === 'interviewer');

  if (followTo && seated) {
    return (
      <div className="room-banner room-banner--info round-bar">
        <span role="status">
          <strong>Roles swapped.</strong> Taking you to the next round…
        </span>
        <Link className="round-bar__link" to={`/sessions/${followTo}`} state={{ swappedFrom: session.id } satisfies SwappedFrom}>
          Go now
        </Link>
      </div>
    );
  }

  if (!seated) {
    return (
      <div className="room-banner room-banner--info round-bar">
        <span>The interview has ended.</span>
        <Link className="round-bar__link" to={reviewPath(session.id)}>
          Review the recording
        </Link>
        {nextId && (
          <Link className="round-bar__link" to={`/sessions/${nextId}`}>
            Next round
          </Link>
        )}
      </div>
    );
  }

  return (
    <div className="room-banner room-banner--info round-bar">
      <span>The interview has ended.</span>
      {session.myRole === 'interviewer' || released ? (
        <Link className="round-bar__link" to={scorecardPath(session.id)}>
          Scorecard
        </Link>
      ) : (
        // Until the release the candidate's page holds their rating of the interviewer (final once released).
        <>
          <Link className="round-bar__link" to={scorecardPath(session.id)}>
            Rate your interviewer
          </Link>
          <span className="round-bar__hint">Your scorecard shows here once it is released.</span>
        </>
      )}
      <Link className="round-bar__link" to={reviewPath(session.id)}>
        Review the recording
      </Link>
      {nextId ? (
        <Link className="round-bar__link" to={`/sessions/${nextId}`}>
          Next round
        </Link>
      ) : (
        bothSeated && (
          <>
            {session.myRole === 'candidate' && <NextRoundProblem sessionId={session.id} value={nextProblem} onChange={setNextProblem} />}
            <Button
              size="sm"
              variant="secondary"
              pending={swap.isPending}
              title="Start the next round with the seats reversed"
              onClick={() =>
                swap.mutate(nextProblem, {
                  onSuccess: (next) => void navigate(`/sessions/${next.id}`, { state: { swappedFrom: session.id } satisfies SwappedFrom }),
                })
              }
            >
              Swap roles
            </Button>
          </>
        )
      )}
      {swap.isError && (
        <span className="round-bar__error" role="alert">
          {swap.error.message}
        </span>
      )}
    </div>
  );
}
