import { budgetLevel, formatClock, formatMinutes, spokenDuration } from '../../interview/clock-display';

interface AgendaStepProps {
  number: number;
  title: string;
  elapsedMs: number;
  budgetMs: number;
  current: boolean;
  /** Set for the interviewer while the interview is live: the step's title jumps to it. */
  onJump?: () => void;
}

const LEVEL_WORDS = { within: '', near: ', nearly out of time', over: ', over its time' } as const;

/** One row of the agenda: the step, its time against its budget, and a bar that turns amber then red. */
export function AgendaStep({ number, title, elapsedMs, budgetMs, current, onJump }: AgendaStepProps) {
  const level = budgetLevel(elapsedMs, budgetMs);
  const filled = budgetMs > 0 ? Math.min(100, (elapsedMs / budgetMs) * 100) : 0;
  const label = `${String(number)}. ${title}`;
  return (
    <li className={`agenda-step agenda-step--${level}${current ? ' agenda-step--current' : ''}`} aria-current={current ? 'step' : undefined}>
      {onJump && !current ? (
        <button type="button" className="agenda-step__title agenda-step__title--button" onClick={onJump} title={`Go to step ${label}`}>
          {label}
        </button>
      ) : (
        <span className="agenda-step__title">{label}</span>
      )}
      <span className="agenda-step__time">
        <span aria-hidden="true">
          {formatClock(elapsedMs)} / {formatMinutes(budgetMs, true)}
        </span>
        <span className="visually-hidden">
          {spokenDuration(elapsedMs)} of {formatMinutes(budgetMs)}
          {LEVEL_WORDS[level]}
        </span>
      </span>
      <span className="agenda-step__bar" aria-hidden="true">
        <span className="agenda-step__fill" style={{ width: `${String(filled)}%` }} />
      </span>
    </li>
  );
}
