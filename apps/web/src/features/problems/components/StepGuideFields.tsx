import { FRAMEWORK_STEPS, type FrameworkStepId } from '@mockboard/interview';
import { useId } from 'react';
import { linesOf, type GuideList, type StepGuideValues } from '../problem-form';
import { TextAreaField } from './FormFields';

const LISTS: readonly { name: GuideList; label: string; hint: string }[] = [
  { name: 'probes', label: 'Probes', hint: 'One per line: questions to ask if the candidate does not get there alone.' },
  { name: 'followUps', label: 'Follow-ups', hint: 'One per line: deeper questions once the basics are covered.' },
  { name: 'redFlags', label: 'Red flags', hint: 'One per line: what a weak answer does in this step.' },
];

interface StepGuideFieldsProps {
  guide: Record<FrameworkStepId, StepGuideValues>;
  errors: Record<string, string>;
  openSteps: ReadonlySet<FrameworkStepId>;
  onToggle: (step: FrameworkStepId, open: boolean) => void;
  onChange: (step: FrameworkStepId, name: keyof StepGuideValues, value: string) => void;
}

/** The interviewer guide: one collapsible section per framework step, in the order the interview runs. */
export function StepGuideFields({ guide, errors, openSteps, onToggle, onChange }: StepGuideFieldsProps) {
  return (
    <div className="guide-steps">
      {FRAMEWORK_STEPS.map((step, index) => (
        <StepSection
          key={step.id}
          number={index + 1}
          step={step}
          values={guide[step.id]}
          errors={errors}
          open={openSteps.has(step.id)}
          onToggle={(open) => onToggle(step.id, open)}
          onChange={(name, value) => onChange(step.id, name, value)}
        />
      ))}
    </div>
  );
}

interface StepSectionProps {
  number: number;
  step: (typeof FRAMEWORK_STEPS)[number];
  values: StepGuideValues;
  errors: Record<string, string>;
  open: boolean;
  onToggle: (open: boolean) => void;
  onChange: (name: keyof StepGuideValues, value: string) => void;
}

function StepSection({ number, step, values, errors, open, onToggle, onChange }: StepSectionProps) {
  const id = useId();
  const prefix = `guide.${step.id}.`;
  const hasError = Object.keys(errors).some((key) => key.startsWith(prefix));
  return (
    <section className={['guide-step', hasError && 'guide-step--invalid'].filter(Boolean).join(' ')} aria-labelledby={`${id}-toggle`}>
      <h3 className="guide-step__heading">
        <button type="button" id={`${id}-toggle`} className="guide-step__toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => onToggle(!open)}>
          <ChevronIcon />
          <span className="guide-step__number">{number}.</span> {step.title}
        </button>
        <span className="guide-step__status">{hasError ? 'Needs a fix' : stepStatus(values)}</span>
      </h3>
      <div className="guide-step__body" id={`${id}-body`} hidden={!open}>
        <p className="guide-step__goal">{step.goal}</p>
        <TextAreaField
          label="Strong answer"
          rows={4}
          value={values.strongAnswer}
          onValueChange={(value) => onChange('strongAnswer', value)}
          error={errors[`${prefix}strongAnswer`]}
          hint={`What a strong answer includes for this problem. In any problem it covers ${step.covers.join('; ')}.`}
        />
        {LISTS.map((list) => (
          <TextAreaField
            key={list.name}
            label={list.label}
            value={values[list.name]}
            onValueChange={(value) => onChange(list.name, value)}
            error={errors[`${prefix}${list.name}`]}
            hint={list.hint}
          />
        ))}
      </div>
    </section>
  );
}

/** Lets a collapsed step say whether it still needs work, without opening it. */
function stepStatus(values: StepGuideValues): string {
  const items = linesOf(values.probes).length + linesOf(values.followUps).length + linesOf(values.redFlags).length;
  if (values.strongAnswer.trim() === '') return 'Strong answer missing';
  return items === 0 ? 'Strong answer written' : `Strong answer · ${String(items)} ${items === 1 ? 'note' : 'notes'}`;
}

function ChevronIcon() {
  return (
    <svg className="guide-step__chevron" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="m6 4 4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
