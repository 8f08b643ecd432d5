import type { ProblemBrief as Brief } from '@mockboard/interview';
import { TASK_TYPE_LABELS } from '../../../problems/problem-labels';

/** The problem as the candidate reads it: the prompt, and what kind of problem it is. */
export function ProblemBrief({ problem }: { problem: Brief }) {
  return (
    <div className="problem-brief">
      <h3 className="problem-brief__title">{problem.title}</h3>
      <p className="problem-brief__meta">
        <span className="problem-tag">{problem.difficulty}</span>
        {problem.tags.map((tag) => (
          <span key={tag} className="problem-tag problem-tag--muted">
            {tag}
          </span>
        ))}
      </p>
      <p className="problem-brief__prompt">{problem.prompt}</p>
      <p className="visually-hidden">Task type: {TASK_TYPE_LABELS[problem.taskType]}</p>
    </div>
  );
}
