import type { InterviewSessionRow } from '@mockboard/db';
import type { ParticipantRole } from '@mockboard/protocol';
import type { Authenticated } from '../auth/auth.service';
import type { SessionsService } from '../sessions/sessions.service';

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

/** The caller of a session route as an actor, with their stored role (404 / 403 as `access` decides). */
export async function actorIn(sessions: SessionsService, auth: Authenticated, sessionId: string): Promise<{ session: InterviewSessionRow; actor: InterviewActor }> {
  const { session, role } = await sessions.access(auth.user.id, sessionId);
  return { session, actor: { userId: auth.user.id, displayName: auth.user.displayName, role } };
}
