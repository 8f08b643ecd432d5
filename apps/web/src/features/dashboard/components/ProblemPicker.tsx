import { TASK_TYPES, type TaskType } from '@mockboard/interview';
import type { ProblemSummary } from '@mockboard/protocol';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/use-current-user';
import { ProblemMeta } from '../../problems/components/ProblemMeta';
import { TASK_TYPE_LABELS } from '../../problems/problem-labels';

interface ProblemPickerProps {
  problems: readonly ProblemSummary[];
  chosen: string | undefined;
  onChoose: (slug: string) => void;
}

/**
 * The bank is 14 problems and grows with each one the user writes: a search box and a task-type filter
 * over one radio group, the user's own problems first.
 */
export function ProblemPicker({ problems, chosen, onChoose }: ProblemPickerProps) {
  const user = useCurrentUser();
  const [query, setQuery] = useState('');
  const [taskType, setTaskType] = useState<TaskType | 'all'>('all');
  const shown = problems.filter((p) => (taskType === 'all' || p.taskType === taskType) && matches(p, query));
  const own = shown.filter((p) => p.custom);
  const builtIn = shown.filter((p) => !p.custom);

  return (
    <div className="problem-picker">
      <div className="problem-picker__filters">
        <input
          type="search"
          className="field__input problem-picker__search"
          placeholder="Search by title, summary or tag"
          aria-label="Search problems"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Enter would submit the dialog's form and create a session; Escape with text clears it, not the dialog.
            if (event.key === 'Enter' || (event.key === 'Escape' && query !== '')) event.preventDefault();
            if (event.key === 'Escape' && query !== '') setQuery('');
          }}
        />
        <select
          className="field__input field__select problem-picker__type"
          aria-label="Filter by task type"
          value={taskType}
          onChange={(event) => setTaskType(TASK_TYPES.find((t) => t === event.target.value) ?? 'all')}
        >
          <option value="all">All task types</option>
          {TASK_TYPES.map((type) => (
            <option key={type} value={type}>
              {TASK_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>

      <div className="problem-picker__list">
        {own.length > 0 && <ProblemGroup title="Your problems" problems={own} chosen={chosen} onChoose={onChoose} />}
        {builtIn.length > 0 && <ProblemGroup title={own.length > 0 ? 'Built-in problems' : undefined} problems={builtIn} chosen={chosen} onChoose={onChoose} />}
        {shown.length === 0 && (
          <p className="problem-picker__none">
            No problem matches.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setQuery('');
                setTaskType('all');
              }}
            >
              Show all problems
            </button>
          </p>
        )}
      </div>

      <p className="problem-picker__own">
        {user.isGuest ? (
          'Guests cannot write their own problems: save your account (on your sessions page) to write one.'
        ) : (
          <Link to="/problems/new">Write your own problem</Link>
        )}
      </p>
    </div>
  );
}

function ProblemGroup({ title, problems, chosen, onChoose }: { title?: string; problems: readonly ProblemSummary[]; chosen: string | undefined; onChoose: (slug: string) => void }) {
  return (
    <div className="problem-picker__group">
      {title && <p className="problem-picker__group-title">{title}</p>}
      {problems.map((problem) => (
        <ProblemChoice key={problem.slug} problem={problem} checked={chosen === problem.slug} onChoose={() => onChoose(problem.slug)} />
      ))}
    </div>
  );
}

function ProblemChoice({ problem, checked, onChoose }: { problem: ProblemSummary; checked: boolean; onChoose: () => void }) {
  const id = useId();
  return (
    <label className="choice-card problem-choice">
      {/* Named by the title alone; the summary and chips are its description, so the name stays short to hear. */}
      <input type="radio" name="problem" value={problem.slug} checked={checked} onChange={onChoose} aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary ${id}-meta`} />
      <span className="choice-card__body">
        <span className="choice-card__title" id={`${id}-title`}>
          {problem.title}
        </span>
        <span className="choice-card__text" id={`${id}-summary`}>
          {problem.summary}
        </span>
        <ProblemMeta problem={problem} id={`${id}-meta`} />
      </span>
    </label>
  );
}

function matches(problem: ProblemSummary, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [problem.title, problem.summary, TASK_TYPE_LABELS[problem.taskType], ...problem.tags].join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}
