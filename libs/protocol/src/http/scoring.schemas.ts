import {
  RECOMMENDATIONS,
  RUBRIC_SIGNALS,
  STEP_IDS,
  type FrameworkStepId,
  type Recommendation,
  type RubricSignal,
  type StepMark,
} from '@mockboard/interview';
import { z } from 'zod';
import { paragraphTextSchema } from './text.schemas';

const stepSchema = z.enum(STEP_IDS as [FrameworkStepId, ...FrameworkStepId[]], `must be one of ${STEP_IDS.join(', ')}`);

/**
 * Free text a scorecard may leave empty: the same rules as a paragraph, or nothing at all. Text made only
 * of whitespace (a half-typed note being autosaved) is stored as nothing.
 */
const optionalParagraph = (max: number) =>
  z
    .string('must be a string')
    .transform((value) => (value.trim() === '' ? '' : value))
    .pipe(z.union([z.literal(''), paragraphTextSchema(max)], `must be text of at most ${max} characters`))
    .default('');

const stepMarkSchema = z.union(
  [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('not_covered'), z.null()],
  'must be 1, 2, 3, 4, "not_covered" or null',
);

const scorecardStepSchema = z
  .strictObject({
    step: stepSchema,
    score: stepMarkSchema.default(null),
    signals: z.array(z.string('must be a signal id'), 'must be a list of signal ids').max(10, 'must have at most 10 entries').default([]),
    notes: optionalParagraph(5000),
  })
  .superRefine((value, context) => {
    const known = new Set(RUBRIC_SIGNALS[value.step].map((s) => s.id));
    value.signals.forEach((id, index) => {
      if (!known.has(id)) context.addIssue({ code: 'custom', path: ['signals', index], message: `"${id}" is not a signal of step ${value.step}` });
    });
    if (new Set(value.signals).size !== value.signals.length) context.addIssue({ code: 'custom', path: ['signals'], message: 'must not list a signal twice' });
  });

/** `PUT /api/sessions/:id/scorecard`: the interviewer's draft, whole; a draft may leave anything out. */
export const scorecardBodySchema = z.strictObject({
  steps: z
    .array(scorecardStepSchema, 'must be a list of steps')
    .max(STEP_IDS.length, `must have at most ${STEP_IDS.length} entries`)
    .refine((steps) => new Set(steps.map((s) => s.step)).size === steps.length, 'must not list a step twice')
    .default([]),
  recommendation: z.enum(RECOMMENDATIONS, `must be one of ${RECOMMENDATIONS.join(', ')}, or null`).nullable().default(null),
  strengths: optionalParagraph(5000),
  improvements: optionalParagraph(5000),
  message: optionalParagraph(5000),
});
export type ScorecardBody = z.input<typeof scorecardBodySchema>;

export const rubricNoteBodySchema = z.strictObject({
  text: paragraphTextSchema(2000),
  step: stepSchema.optional(),
});
export type RubricNoteBody = z.input<typeof rubricNoteBodySchema>;

export const feedbackBodySchema = z.strictObject({
  helpfulness: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], 'must be 1, 2, 3 or 4'),
  comment: optionalParagraph(2000),
});
export type FeedbackBody = z.input<typeof feedbackBodySchema>;

export const swapBodySchema = z.strictObject({
  problemSlug: z
    .string('must be a string')
    .max(100, 'must be at most 100 characters')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a problem slug')
    .optional(),
});
export type SwapBody = z.input<typeof swapBodySchema>;

/** `GET /api/rubric`: the rubric is learning material, readable by anyone signed in. */
export interface RubricResponse {
  steps: { step: FrameworkStepId; signals: RubricSignal[] }[];
  anchors: Record<'1' | '2' | '3' | '4', string>;
  recommendations: Recommendation[];
}

export type ScorecardStatus = 'draft' | 'submitted' | 'released';

export interface ScorecardStep {
  step: FrameworkStepId;
  score: StepMark;
  signals: string[];
  notes: string;
}

/** A scorecard as stored: always all 7 steps, in order (rule R2). */
export interface Scorecard {
  sessionId: string;
  status: ScorecardStatus;
  steps: ScorecardStep[];
  recommendation: Recommendation | null;
  strengths: string;
  improvements: string;
  message: string;
  updatedAt: string | null;
  submittedAt: string | null;
  releasedAt: string | null;
}

/** One quick note: `atMs` is the session time it was written at (null before the start). */
export interface RubricNote {
  id: number;
  step: FrameworkStepId | null;
  atMs: number | null;
  text: string;
}

export interface RubricNotesResponse {
  notes: RubricNote[];
}

export interface Feedback {
  helpfulness: 1 | 2 | 3 | 4;
  comment: string;
  updatedAt: string;
}

export interface FeedbackResponse {
  feedback: Feedback | null;
}

/** `GET /api/me/progress`: released scorecards of sessions where I was the candidate. */
export interface ProgressResponse {
  steps: { step: FrameworkStepId; average: number | null; count: number; trend: { sessionId: string; at: string; score: number }[] }[];
  coverage: { problemSlug: string; problemTitle: string; steps: Record<FrameworkStepId, number | null> }[];
  suggestion: { step: FrameworkStepId; problems: string[] } | null;
}
