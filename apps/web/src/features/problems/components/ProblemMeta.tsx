import type { ProblemSummary } from '@mockboard/protocol';
import { DIFFICULTY_LABELS, TASK_TYPE_LABELS } from '../problem-labels';

/** Task type, difficulty and tags of a problem, as a row of small chips. */
export function ProblemMeta({ problem, id }: { problem: Pick<ProblemSummary, 'taskType' | 'difficulty' | 'tags'>; id?: string }) {
  return (
    <span className="problem-meta" id={id}>
      <span className="problem-meta__chip problem-meta__chip--type">{TASK_TYPE_LABELS[problem.taskType]}</span>
      <span className={`problem-meta__chip problem-meta__chip--${problem.difficulty}`}>{DIFFICULTY_LABELS[problem.difficulty]}</span>
      {problem.tags.map((tag) => (
        <span key={tag} className="problem-meta__tag">
          #{tag}
        </span>
      ))}
    </span>
  );
}
