import type { ProblemBrief, Recommendation, SessionStatus } from '@mockboard/interview';
export type { SessionStatus } from '@mockboard/interview';
import { z } from 'zod';
import { codeTextSchema } from './text.schemas';

export const SEAT_ROLES = ['interviewer', 'candidate'] as const;
export const PARTICIPANT_ROLES = ['interviewer', 'candidate', 'observer'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const createSessionBodySchema = z.strictObject({
  problemSlug: z
    .string('must be a string')
    .max(100, 'must be at most 100 characters')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a problem slug (lowercase letters and digits joined by dashes)'),
  role: z.enum(SEAT_ROLES, 'must be "interviewer" or "candidate"').default('interviewer'),
  durationMinutes: z.union([z.literal(45), z.literal(60)], 'must be 45 or 60').default(45),
});

export const joinSessionBodySchema = z.strictObject({
  inviteCode: codeTextSchema(64).min(1, 'must not be empty'),
});

export type CreateSessionBody = z.input<typeof createSessionBodySchema>;
export type JoinSessionBody = z.input<typeof joinSessionBodySchema>;

export interface SessionParticipant {
  userId: string;
  displayName: string;
  role: ParticipantRole;
}

export interface SessionView {
  id: string;
  status: SessionStatus;
  /** What the candidate may read: no guide, no clarifications. */
  problem: ProblemBrief;
  startedAt: string | null;
  endedAt: string | null;
  durationMinutes: number;
  createdAt: string;
  /** Only the interviewer sees the invite; others get null. */
  inviteCode: string | null;
  inviteUrl: string | null;
  participants: SessionParticipant[];
  /** The caller's own role in this session. */
  myRole: ParticipantRole;
  /** The sessions a role swap links: the one this swapped from, and the one swapped into. */
  previousSessionId: string | null;
  nextSessionId: string | null;
  /**
   * The scorecard as the caller may see it: its status for the seated two, and the recommendation and the
   * average step score once the caller may read them (the interviewer always, the candidate after release).
   */
  scorecard: { status: 'none' | 'draft' | 'submitted' | 'released'; recommendation: Recommendation | null; averageScore: number | null } | null;
}

export interface SessionListResponse {
  sessions: SessionView[];
}

export interface JoinSessionResponse {
  id: string;
  role: ParticipantRole;
}

export interface InviteResponse {
  inviteCode: string;
  inviteUrl: string;
}


/** `GET /api/invites/:code`: what an invite is for, shown before the invitee signs in or joins. */
export interface InvitePreview {
  problem: { title: string; summary: string };
  invitedBy: string;
  durationMinutes: number;
  status: SessionStatus;
}

/** `GET /api/sessions/:id/next-round`: the round a swap made, or the problem suggested for it (rule R6). */
export interface NextRoundResponse {
  nextSessionId: string | null;
  /** A built-in problem the next round's candidate has not practised; what a swap without a problem uses. */
  suggestedProblemSlug: string;
}
