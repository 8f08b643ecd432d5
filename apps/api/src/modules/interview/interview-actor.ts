import type { ParticipantRole } from '@mockboard/protocol';

/** Who acts in a session, with the role stored for them: never what a client claims. */
export interface InterviewActor {
  userId: string;
  displayName: string;
  role: ParticipantRole;
}

/**
 * Timeline visibilities a role may read (rule I6): the interviewer's private events are the candidate's too
 * once the scorecard is released (rule R8), never an observer's.
 */
export function visibilitiesFor(role: ParticipantRole, scorecardReleased = false): ('all' | 'interviewer')[] {
  return role === 'interviewer' || (role === 'candidate' && scorecardReleased) ? ['all', 'interviewer'] : ['all'];
}
