import { STEP_IDS, type FrameworkStepId, type ProblemBrief, type RubricSignal, type SessionClock, type StepGuide } from '@mockboard/interview';
import { z } from 'zod';
import { paragraphTextSchema } from '../http/text.schemas';
import type { RoomErrorCode } from './room-contract';

const stepSchema = z.enum(STEP_IDS as [FrameworkStepId, ...FrameworkStepId[]], `must be one of ${STEP_IDS.join(', ')}`);
const clarificationIdSchema = z.string('must be a string').min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** The interviewer's commands (event `session:control`, rule I2; and the REST routes of rule I3). */
export const sessionControlSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('start') }),
    z.strictObject({ action: z.literal('step'), step: stepSchema }),
    z.strictObject({ action: z.literal('pause') }),
    z.strictObject({ action: z.literal('resume') }),
    z.strictObject({ action: z.literal('end') }),
    z.strictObject({ action: z.literal('reveal'), clarificationId: clarificationIdSchema }),
  ],
  'action: must be one of start, step, pause, resume, end, reveal',
);
export type SessionControl = z.output<typeof sessionControlSchema>;
export type SessionControlAction = SessionControl['action'];

export const stepBodySchema = z.strictObject({ step: stepSchema });
export const revealBodySchema = z.strictObject({ clarificationId: clarificationIdSchema });
/** start, pause, resume and end take no body; an empty object (or none) is all they accept. */
export const emptyBodySchema = z.strictObject({});

export const CHAT_TEXT_MAX = 2000;
export const chatSendSchema = z.strictObject({ text: paragraphTextSchema(CHAT_TEXT_MAX) });
export type ChatSend = z.input<typeof chatSendSchema>;

/** Acknowledgement of `session:control` and `chat:send` (rules I2, I5). */
export type ControlAck = { ok: true } | { ok: false; error: RoomErrorCode };
export type ChatAck = { ok: true; id: number } | { ok: false; error: RoomErrorCode };

export interface RevealedClarification {
  id: string;
  question: string;
  answer: string;
}

/** Event `session:state`, pushed on connect and on every change (rule I1). Times are epoch milliseconds. */
export interface SessionState extends SessionClock {
  serverNow: number;
  /** Grows with every change; a client that gets two states keeps the one with the higher version. */
  version: number;
  revealed: RevealedClarification[];
  /** Set once either seated participant swapped roles into a next session: both are taken there (rule R6). */
  nextSessionId: string | null;
}

/** Event `chat:message`, and one entry of `GET /api/sessions/:id/chat` (rule I5). `id` is its timeline seq. */
export interface ChatMessage {
  id: number;
  at: number;
  /** Null once the author's account is deleted. */
  userId: string | null;
  displayName: string;
  text: string;
}

export interface ChatHistoryResponse {
  messages: ChatMessage[];
}

export const TIMELINE_EVENT_TYPES = ['started', 'step_changed', 'paused', 'resumed', 'clarification_revealed', 'chat', 'ended', 'rubric_note'] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];
export const TIMELINE_VISIBILITIES = ['all', 'interviewer'] as const;
export type TimelineVisibility = (typeof TIMELINE_VISIBILITIES)[number];

/** One entry of `GET /api/sessions/:id/timeline` (rule I6). */
export interface TimelineEvent {
  seq: number;
  at: number;
  /** Milliseconds since the session started, pauses included; null for what happened before the start. */
  atMs: number | null;
  type: TimelineEventType;
  userId: string | null;
  payload: Record<string, unknown>;
}

export interface TimelineResponse {
  events: TimelineEvent[];
}

/** `GET /api/sessions/:id/guide`: the interviewer's whole guide (rule I4). */
export interface SessionGuide {
  problem: ProblemBrief;
  clarifications: (RevealedClarification & { revealed: boolean })[];
  /** `signals` are the rubric's for the step (rule R1), so the guide and the scorecard speak of the same things. */
  steps: ({ step: FrameworkStepId; goal: string; signals: RubricSignal[] } & StepGuide)[];
  metrics: { offline: readonly string[]; online: readonly string[] };
  expectedComponents: readonly string[];
}
