import { FRAMEWORK_STEPS, type FrameworkStepId } from '@mockboard/interview';
import type { SessionGuide } from '@mockboard/protocol';
import { useId, useState } from 'react';

interface StepGuideProps {
  steps: SessionGuide['steps'];
  currentStep: FrameworkStepId | null;
}

/**
 * The guide for one step, the current one unless the interviewer picks another. A pick lasts until the
 * interview moves on, then the guide follows the interview again.
 */
export function StepGuide({ steps, currentStep }: StepGuideProps) {
  const selectId = useId();
  const [picked, setPicked] = useState<{ step: FrameworkStepId; whileOn: FrameworkStepId | null } | null>(null);
  const shown = picked && picked.whileOn === currentStep ? picked.step : (currentStep ?? FRAMEWORK_STEPS[0].id);
  const guide = steps.find((s) => s.step === shown);

  return (
    <div className="step-guide">
      <div className="step-guide__picker">
        <label htmlFor={selectId} className="step-guide__label">
          Guide for
        </label>
        <select
          id={selectId}
          className="step-guide__select"
          value={shown}
          onChange={(event) => setPicked({ step: event.target.value as FrameworkStepId, whileOn: currentStep })}
        >
          {FRAMEWORK_STEPS.map((step, index) => (
            <option key={step.id} value={step.id}>
              {`${String(index + 1)}. ${step.title}${step.id === currentStep ? ' (now)' : ''}`}
            </option>
          ))}
        </select>
      </div>
      {guide && (
        <>
          <p className="step-guide__goal">{guide.goal}</p>
          <GuideList title="Probes" items={guide.probes} />
          <GuideList title="Follow-ups" items={guide.followUps} />
          <h4 className="step-guide__heading">Strong answer</h4>
          <p className="step-guide__text">{guide.strongAnswer}</p>
          <GuideList title="Red flags" items={guide.redFlags} tone="danger" />
        </>
      )}
    </div>
  );
}

function GuideList({ title, items, tone }: { title: string; items: readonly string[]; tone?: 'danger' }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4 className={`step-guide__heading${tone ? ` step-guide__heading--${tone}` : ''}`}>{title}</h4>
      <ul className="step-guide__list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
