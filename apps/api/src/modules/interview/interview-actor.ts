import type { ParticipantRole } from '@mockboard/protocol';

/** Who acts in a session, with the role stored for them: never what a client claims. */
export interface InterviewActor {
  userId: string;
  displayName: string;
  role: ParticipantRole;
}

/** Timeline visibilities a role may read (rule I6). */
export function visibilitiesFor(role: ParticipantRole): ('all' | 'interviewer')[] {
  return role === 'interviewer' ? ['all', 'interviewer'] : ['all'];
}
