import type { FrameworkStepId } from './framework';
import type { ProblemMetrics, TaskType } from './task-types';

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** What the interviewer looks for in one step of one problem. */
export interface StepGuide {
  /** Questions to ask if the candidate does not get there alone. */
  probes: readonly string[];
  /** Deeper questions once the basics are covered (cold start, label delay, position bias...). */
  followUps: readonly string[];
  strongAnswer: string;
  redFlags: readonly string[];
}

/** Something the candidate may ask; the interviewer reveals the answer when they do. */
export interface Clarification {
  id: string;
  question: string;
  answer: string;
}

/** A problem as the candidate sees it: no guide, no clarifications. */
export interface ProblemBrief {
  slug: string;
  title: string;
  /** One line for lists. */
  summary: string;
  /** The candidate-facing paragraph. */
  prompt: string;
  taskType: TaskType;
  tags: readonly string[];
  difficulty: Difficulty;
  custom: boolean;
}

/** A whole problem: the brief plus what only the interviewer sees. */
export interface ProblemDefinition extends ProblemBrief {
  clarifications: readonly Clarification[];
  guide: Readonly<Record<FrameworkStepId, StepGuide>>;
  metrics: ProblemMetrics;
  /** Ids from `BOARD_COMPONENTS` that a good diagram for this problem shows. */
  expectedComponents: readonly string[];
}

export function problemBrief(problem: ProblemDefinition): ProblemBrief {
  const { slug, title, summary, prompt, taskType, tags, difficulty, custom } = problem;
  return { slug, title, summary, prompt, taskType, tags, difficulty, custom };
}
