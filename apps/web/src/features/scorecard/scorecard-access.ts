import type { SessionView } from '@mockboard/protocol';

type AccessFields = Pick<SessionView, 'myRole' | 'status' | 'scorecard'>;

/**
 * What the caller may read of a session's scorecard, as the server rules it (the server enforces it; this
 * only avoids asking for what it would refuse): the interviewer always, the candidate once released,
 * observers never.
 */
export type ScorecardAccess = 'full' | 'not_released' | 'private';

export function scorecardAccess(session: AccessFields): ScorecardAccess {
  switch (session.myRole) {
    case 'interviewer':
      return 'full';
    case 'candidate':
      return session.scorecard?.status === 'released' ? 'full' : 'not_released';
    case 'observer':
      return 'private';
  }
}

/**
 * Whether the dashboard offers a "Scorecard" link: the interviewer once the interview ended (before that
 * there is nothing to review), the candidate once it is released.
 */
export function offersScorecardLink(session: AccessFields): boolean {
  if (session.myRole === 'interviewer') return session.status === 'ended';
  return scorecardAccess(session) === 'full';
}

/**
 * The candidate's feedback on the interviewer: it can be written once the interview ended and changed
 * until the scorecard is released, when the server freezes it.
 */
export type CandidateFeedbackMode = 'before_end' | 'open' | 'closed';

export function candidateFeedbackMode(session: Pick<SessionView, 'status' | 'scorecard'>): CandidateFeedbackMode {
  if (session.status !== 'ended') return 'before_end';
  return session.scorecard?.status === 'released' ? 'closed' : 'open';
}

/** "Swap roles" is for the two seated people, from an ended session. */
export function canSwapRoles(session: Pick<SessionView, 'myRole' | 'status'>): boolean {
  return session.status === 'ended' && session.myRole !== 'observer';
}
