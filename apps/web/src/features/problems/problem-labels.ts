import type { BoardComponent, Difficulty, TaskType } from '@mockboard/interview';

export const TASK_TYPE_LABELS: Record<TaskType, string> = {
  classification: 'Classification',
  regression: 'Regression',
  ranking: 'Ranking',
  retrieval: 'Retrieval',
  generation: 'Generation',
  detection: 'Detection',
};

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  easy: 'Easy',
  medium: 'Medium',
  hard: 'Hard',
};

export const COMPONENT_GROUP_LABELS: Record<BoardComponent['group'], string> = {
  serving: 'Serving',
  data: 'Data',
  training: 'Training',
  retrieval: 'Retrieval and ranking',
  operations: 'Operations',
};
