import { FRAMEWORK_STEPS, type FrameworkStepId, type StepMark } from '@mockboard/interview';
import { useRef, type KeyboardEvent } from 'react';

interface RubricStepTabsProps {
  open: FrameworkStepId;
  current: FrameworkStepId | null;
  marks: Record<FrameworkStepId, StepMark>;
  panelId: string;
  tabId: (step: FrameworkStepId) => string;
  onOpen: (step: FrameworkStepId) => void;
}

function markText(mark: StepMark): string {
  if (mark === null) return 'not scored';
  return mark === 'not_covered' ? 'not covered' : `scored ${String(mark)}`;
}

/**
 * The 7 steps as numbered tabs (290 px holds no titles), each showing its mark; the interview's current
 * step is underlined. Arrow keys move between tabs, as a tab list should.
 */
export function RubricStepTabs({ open, current, marks, panelId, tabId, onOpen }: RubricStepTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = FRAMEWORK_STEPS.findIndex((s) => s.id === open);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: FRAMEWORK_STEPS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const step = FRAMEWORK_STEPS[(target + FRAMEWORK_STEPS.length) % FRAMEWORK_STEPS.length];
    if (!step) return;
    onOpen(step.id);
    list.current?.querySelector<HTMLElement>(`[data-step="${step.id}"]`)?.focus();
  };

  return (
    <div className="rubric-tabs" role="tablist" aria-label="Steps" ref={list} onKeyDown={onKeyDown}>
      {FRAMEWORK_STEPS.map((step, index) => {
        const mark = marks[step.id];
        const selected = step.id === open;
        return (
          <button
            key={step.id}
            type="button"
            role="tab"
            id={tabId(step.id)}
            data-step={step.id}
            className={`rubric-tab${step.id === current ? ' rubric-tab--current' : ''}${mark !== null ? ' rubric-tab--marked' : ''}`}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            title={`${step.title}${step.id === current ? ' (now)' : ''}: ${markText(mark)}`}
            onClick={() => onOpen(step.id)}
          >
            <span className="rubric-tab__number">{index + 1}</span>
            <span className="rubric-tab__mark" aria-hidden="true">
              {mark === null ? '·' : mark === 'not_covered' ? '–' : mark}
            </span>
            <span className="visually-hidden">
              {`. ${step.title}${step.id === current ? ', now' : ''}, ${markText(mark)}`}
            </span>
          </button>
        );
      })}
    </div>
  );
}
