import {
  BOARD_COMPONENTS,
  DIFFICULTIES,
  STEP_IDS,
  TASK_TYPES,
  type FrameworkStepId,
  type ProblemBrief,
  type ProblemDefinition,
} from '@mockboard/interview';
import { z } from 'zod';
import { lineTextSchema, paragraphTextSchema } from './text.schemas';

const COMPONENT_IDS = BOARD_COMPONENTS.map((c) => c.id) as [string, ...string[]];

const listOf = <T extends z.ZodType>(item: T, max: number) => z.array(item, 'must be a list').max(max, `must have at most ${max} entries`);

/*
 * Limits are sized so that the largest problem they allow (about 90,000 characters) still fits the API's
 * 100 kB body limit; the built-in problems use a fraction of each.
 */
const ITEMS_PER_LIST = 10;
const stepGuideSchema = z.strictObject({
  probes: listOf(paragraphTextSchema(300), ITEMS_PER_LIST),
  followUps: listOf(paragraphTextSchema(300), ITEMS_PER_LIST),
  strongAnswer: paragraphTextSchema(1500),
  redFlags: listOf(paragraphTextSchema(300), ITEMS_PER_LIST),
});

const guideSchema = z.strictObject(
  Object.fromEntries(STEP_IDS.map((step) => [step, stepGuideSchema])) as Record<FrameworkStepId, typeof stepGuideSchema>,
);

/** A custom problem as its author writes it (`POST`/`PUT /api/problems`); the server makes the slug and ids. */
export const problemBodySchema = z.strictObject({
  title: lineTextSchema(120),
  summary: lineTextSchema(200),
  prompt: paragraphTextSchema(3000),
  taskType: z.enum(TASK_TYPES, `must be one of ${TASK_TYPES.join(', ')}`),
  tags: listOf(lineTextSchema(30), 8),
  difficulty: z.enum(DIFFICULTIES, 'must be "easy", "medium" or "hard"'),
  clarifications: listOf(z.strictObject({ question: paragraphTextSchema(300), answer: paragraphTextSchema(800) }), 12),
  guide: guideSchema,
  expectedComponents: listOf(z.enum(COMPONENT_IDS, 'must be a component id of the whiteboard palette'), COMPONENT_IDS.length).refine(
    (ids) => new Set(ids).size === ids.length,
    'must not list a component twice',
  ),
});
export type ProblemBody = z.input<typeof problemBodySchema>;

export const PROBLEM_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Custom problems' slugs start with this, so they never collide with a built-in one. */
export const CUSTOM_PROBLEM_PREFIX = 'custom-';

/** One row of `GET /api/problems`. */
export type ProblemSummary = Omit<ProblemBrief, 'prompt'>;
export interface ProblemListResponse {
  problems: ProblemSummary[];
}

/** `POST`/`PUT /api/problems` answer with the whole stored problem, as its author wrote it. */
export type StoredProblem = ProblemDefinition;
