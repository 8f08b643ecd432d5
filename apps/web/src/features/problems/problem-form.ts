import { BOARD_COMPONENTS, STEP_IDS, type Difficulty, type FrameworkStepId, type ProblemDefinition, type TaskType } from '@mockboard/interview';
import { problemBodySchema, type ProblemBody } from '@mockboard/protocol';
import { formErrorsFrom } from '../../lib/form-errors';

/**
 * The problem editor's state and its translation to and from the API's body. Lists are edited as plain
 * text (tags comma-separated, guide entries one per line), which is quicker to write than a row per item
 * and pastes well from notes.
 */

export const GUIDE_LISTS = ['probes', 'followUps', 'redFlags'] as const;
export type GuideList = (typeof GUIDE_LISTS)[number];

export interface ClarificationRow {
  /** A React key only: the server makes the ids. */
  key: string;
  question: string;
  answer: string;
}

export type StepGuideValues = Record<GuideList | 'strongAnswer', string>;

export interface ProblemFormValues {
  title: string;
  summary: string;
  prompt: string;
  taskType: TaskType;
  difficulty: Difficulty;
  tags: string;
  clarifications: ClarificationRow[];
  guide: Record<FrameworkStepId, StepGuideValues>;
  expectedComponents: string[];
}

/** Messages keyed by field (`title`, `clarifications.0.question`, `guide.data.probes`...), plus one for the form. */
export interface ProblemFormErrors {
  fields: Record<string, string>;
  form?: string;
}

export const MAX_CLARIFICATIONS = 20;

let rowCounter = 0;
// Not crypto.randomUUID: it exists only in secure contexts, and self-hosted installs are often plain HTTP.
export const newClarificationRow = (question = '', answer = ''): ClarificationRow => ({ key: `row-${String(++rowCounter)}`, question, answer });

export function emptyProblemValues(): ProblemFormValues {
  return {
    title: '',
    summary: '',
    prompt: '',
    taskType: 'classification',
    difficulty: 'medium',
    tags: '',
    clarifications: [],
    guide: guideOf(() => ({ probes: '', followUps: '', strongAnswer: '', redFlags: '' })),
    expectedComponents: [],
  };
}

export function valuesFromProblem(problem: ProblemDefinition): ProblemFormValues {
  return {
    title: problem.title,
    summary: problem.summary,
    prompt: problem.prompt,
    taskType: problem.taskType,
    difficulty: problem.difficulty,
    tags: problem.tags.join(', '),
    clarifications: problem.clarifications.map((c) => newClarificationRow(c.question, c.answer)),
    guide: guideOf((step) => {
      const guide = problem.guide[step];
      return {
        probes: guide.probes.join('\n'),
        followUps: guide.followUps.join('\n'),
        strongAnswer: guide.strongAnswer,
        redFlags: guide.redFlags.join('\n'),
      };
    }),
    expectedComponents: [...problem.expectedComponents],
  };
}

export function bodyFromValues(values: ProblemFormValues): ProblemBody {
  return {
    title: values.title,
    summary: values.summary,
    prompt: values.prompt,
    taskType: values.taskType,
    difficulty: values.difficulty,
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    clarifications: values.clarifications.map(({ question, answer }) => ({ question, answer })),
    guide: guideOf((step) => {
      const guide = values.guide[step];
      return { probes: linesOf(guide.probes), followUps: linesOf(guide.followUps), strongAnswer: guide.strongAnswer, redFlags: linesOf(guide.redFlags) };
    }),
    // In palette order, whatever order they were ticked in.
    expectedComponents: BOARD_COMPONENTS.map((c) => c.id).filter((id) => values.expectedComponents.includes(id)),
  };
}

/** One entry per non-blank line; a leading list marker pasted from notes ("- ", "* ", "• ") is dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]\s+)?/, '').trim())
    .filter(Boolean);
}

const EMPTY_MESSAGES: Record<string, string> = {
  title: 'Give the problem a title',
  summary: 'Write a one-line summary for the problem list',
  prompt: 'Write the prompt the candidate reads',
};

/** Checks the body with the schema the API uses, so the messages read as the server would word them. */
export function validateProblemBody(body: ProblemBody): ProblemFormErrors {
  const result = problemBodySchema.safeParse(body);
  if (result.success) return { fields: {} };
  return placeProblems(result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

/** A failed save, its `path: message` list (see ZodBodyPipe) placed next to the fields it names. */
export function problemErrorsFrom(error: unknown, body: ProblemBody): ProblemFormErrors {
  const { fields, form } = formErrorsFrom(error, pathsOf(body));
  const placed = placeProblems(Object.entries(fields).flatMap(([path, message]) => (message ? [{ path, message }] : [])));
  const formMessages = [form, placed.form].filter(Boolean);
  return { fields: placed.fields, form: formMessages.length > 0 ? formMessages.join(' ') : undefined };
}

/** The step whose section holds a field, so a collapsed section with an error can be opened. */
export function stepOfField(key: string): FrameworkStepId | undefined {
  const step = /^guide\.([a-zA-Z]+)\./.exec(key)?.[1];
  return (STEP_IDS as readonly string[]).includes(step ?? '') ? (step as FrameworkStepId) : undefined;
}

/**
 * Maps schema paths onto the form's fields: an item of a list edited as text lands on that text box, with
 * its position, since the box has no field per item.
 */
export function placeProblems(problems: readonly { path: string; message: string }[]): ProblemFormErrors {
  const fields: Record<string, string> = {};
  const leftovers: string[] = [];
  for (const { path, message } of problems) {
    const placed = placeOne(path, sentenceCase(message));
    if (placed && fields[placed.key] === undefined) fields[placed.key] = placed.message;
    else if (!placed) leftovers.push(path ? `${path}: ${message}` : message);
  }
  return { fields, form: leftovers.length > 0 ? sentenceCase(leftovers.join('; ')) : undefined };
}

const TOP_LEVEL = new Set(['title', 'summary', 'prompt', 'taskType', 'difficulty', 'tags', 'clarifications', 'expectedComponents']);

function placeOne(path: string, message: string): { key: string; message: string } | undefined {
  const empty = /^must not be empty$/i.test(message);
  if (empty && EMPTY_MESSAGES[path]) return { key: path, message: EMPTY_MESSAGES[path] };
  let match = /^tags\.(\d+)$/.exec(path);
  if (match) return { key: 'tags', message: `Tag ${String(Number(match[1]) + 1)}: ${lowerFirst(message)}` };
  match = /^(guide\.[a-zA-Z]+\.(?:probes|followUps|redFlags))\.(\d+)$/.exec(path);
  if (match?.[1]) return { key: match[1], message: `Line ${String(Number(match[2]) + 1)}: ${lowerFirst(message)}` };
  if (/^guide\.[a-zA-Z]+\.strongAnswer$/.test(path)) {
    return { key: path, message: empty ? 'Write what a strong answer covers in this step' : message };
  }
  if (/^guide\.[a-zA-Z]+\.(?:probes|followUps|redFlags)$/.test(path)) return { key: path, message };
  if (/^clarifications\.\d+\.(?:question|answer)$/.test(path)) return { key: path, message };
  if (/^expectedComponents\.\d+$/.test(path)) return { key: 'expectedComponents', message };
  if (TOP_LEVEL.has(path)) return { key: path, message };
  return undefined;
}

/** Every path the server may name for this body, so formErrorsFrom can tell field problems from others. */
function pathsOf(body: ProblemBody): string[] {
  const paths = [...TOP_LEVEL];
  body.tags.forEach((_, i) => paths.push(`tags.${String(i)}`));
  body.expectedComponents.forEach((_, i) => paths.push(`expectedComponents.${String(i)}`));
  body.clarifications.forEach((_, i) => paths.push(`clarifications.${String(i)}.question`, `clarifications.${String(i)}.answer`));
  for (const step of STEP_IDS) {
    paths.push(`guide.${step}.strongAnswer`);
    for (const list of GUIDE_LISTS) {
      paths.push(`guide.${step}.${list}`);
      body.guide[step][list].forEach((_, i) => paths.push(`guide.${step}.${list}.${String(i)}`));
    }
  }
  return paths;
}

function guideOf<T>(make: (step: FrameworkStepId) => T): Record<FrameworkStepId, T> {
  return Object.fromEntries(STEP_IDS.map((step) => [step, make(step)])) as Record<FrameworkStepId, T>;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
