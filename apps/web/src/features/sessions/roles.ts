import type { ParticipantRole, SessionStatus } from '@mockboard/protocol';

export const ROLE_LABELS: Record<ParticipantRole, string> = {
  interviewer: 'Interviewer',
  candidate: 'Candidate',
  observer: 'Observer',
};

export const STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  live: 'Live',
  ended: 'Ended',
};
