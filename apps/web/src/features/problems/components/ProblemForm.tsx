import { DIFFICULTIES, STEP_IDS, TASK_TYPES, type FrameworkStepId } from '@mockboard/interview';
import type { StoredProblem } from '@mockboard/protocol';
import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import { useSaveProblem } from '../hooks/use-problems';
import {
  bodyFromValues,
  newClarificationRow,
  problemErrorsFrom,
  stepOfField,
  validateProblemBody,
  type ProblemFormErrors,
  type ProblemFormValues,
  type StepGuideValues,
} from '../problem-form';
import { DIFFICULTY_LABELS, TASK_TYPE_LABELS } from '../problem-labels';
import { ClarificationFields } from './ClarificationFields';
import { ComponentChecklist } from './ComponentChecklist';
import { SelectField, TextAreaField } from './FormFields';
import { StepGuideFields } from './StepGuideFields';

const TASK_TYPE_OPTIONS = TASK_TYPES.map((value) => ({ value, label: TASK_TYPE_LABELS[value] }));
const DIFFICULTY_OPTIONS = DIFFICULTIES.map((value) => ({ value, label: DIFFICULTY_LABELS[value] }));

interface ProblemFormProps {
  initialValues: ProblemFormValues;
  /** The problem being edited; a new one is created without it. */
  slug?: string;
  onSaved: (problem: StoredProblem) => void;
}

/** Writes a problem in the shape of the built-in ones: the brief, clarifications, a guide per step, the diagram. */
export function ProblemForm({ initialValues, slug, onSaved }: ProblemFormProps) {
  const save = useSaveProblem(slug);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<ProblemFormErrors>({ fields: {} });
  const [openSteps, setOpenSteps] = useState<ReadonlySet<FrameworkStepId>>(() => new Set(slug ? [] : ['requirements']));
  // Bumped on every failed submit, so the first problem gets focus once the sections holding it are open.
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0 || !formRef.current) return;
    const invalid = formRef.current.querySelector<HTMLElement>('[aria-invalid="true"], .problem-form__alert [role="alert"]');
    invalid?.focus();
    invalid?.scrollIntoView({ block: 'center' });
  }, [focusRequest]);

  function update(patch: Partial<ProblemFormValues>, ...fields: string[]): void {
    setValues((current) => ({ ...current, ...patch }));
    // An error about a field being changed is stale; errors about other fields still hold.
    if (fields.some((field) => errors.fields[field])) {
      setErrors((current) => ({ ...current, fields: Object.fromEntries(Object.entries(current.fields).filter(([key]) => !fields.includes(key))) }));
    }
  }

  function showErrors(next: ProblemFormErrors): void {
    setErrors(next);
    const withErrors = Object.keys(next.fields).flatMap((key) => stepOfField(key) ?? []);
    if (withErrors.length > 0) setOpenSteps((current) => new Set([...current, ...withErrors]));
    setFocusRequest((n) => n + 1);
  }

  async function submit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (save.isPending) return;
    const body = bodyFromValues(values);
    const invalid = validateProblemBody(body);
    if (Object.keys(invalid.fields).length > 0 || invalid.form) {
      showErrors(invalid);
      return;
    }
    setErrors({ fields: {} });
    try {
      onSaved(await save.mutateAsync(body));
    } catch (error) {
      showErrors(problemErrorsFrom(error, body));
    }
  }

  const setGuide = (step: FrameworkStepId, name: keyof StepGuideValues, value: string) =>
    update({ guide: { ...values.guide, [step]: { ...values.guide[step], [name]: value } } }, `guide.${step}.${name}`);
  const allOpen = openSteps.size === STEP_IDS.length;
  const fieldErrors = errors.fields;
  const errorCount = Object.keys(fieldErrors).length;
  const summary = errors.form ?? (errorCount > 0 ? `Fix the ${errorCount === 1 ? 'field' : `${String(errorCount)} fields`} marked in red, then save again.` : undefined);

  return (
    <form ref={formRef} className="problem-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormSection title="The problem" intro="What the candidate sees when the interview opens, and how it is listed.">
        <TextField label="Title" name="title" required maxLength={120} value={values.title} error={fieldErrors.title} onChange={(e) => update({ title: e.target.value }, 'title')} />
        <TextField
          label="Summary"
          name="summary"
          required
          maxLength={200}
          hint="One line, shown in the problem list."
          value={values.summary}
          error={fieldErrors.summary}
          onChange={(e) => update({ summary: e.target.value }, 'summary')}
        />
        <TextAreaField
          label="Prompt"
          name="prompt"
          required
          rows={6}
          hint="The paragraph the candidate reads. Keep scale and latency for the clarifications, so they have to ask."
          value={values.prompt}
          error={fieldErrors.prompt}
          onValueChange={(prompt) => update({ prompt }, 'prompt')}
        />
        <div className="problem-form__row">
          <SelectField
            label="Task type"
            name="taskType"
            value={values.taskType}
            options={TASK_TYPE_OPTIONS}
            hint="Decides the offline metrics the interviewer's guide suggests."
            error={fieldErrors.taskType}
            onValueChange={(taskType) => update({ taskType }, 'taskType')}
          />
          <SelectField
            label="Difficulty"
            name="difficulty"
            value={values.difficulty}
            options={DIFFICULTY_OPTIONS}
            error={fieldErrors.difficulty}
            onValueChange={(difficulty) => update({ difficulty }, 'difficulty')}
          />
        </div>
        <TextField
          label="Tags"
          name="tags"
          hint="Comma separated, up to 8: e.g. recommendation, real-time."
          value={values.tags}
          error={fieldErrors.tags}
          onChange={(e) => update({ tags: e.target.value }, 'tags')}
        />
      </FormSection>

      <FormSection title="Clarifications" intro="Facts the interviewer reveals when the candidate asks: scale, latency budget, what data exists.">
        <ClarificationFields
          rows={values.clarifications}
          errors={fieldErrors}
          onAdd={() => update({ clarifications: [...values.clarifications, newClarificationRow()] }, 'clarifications')}
          // Errors name rows by position, so removing a row makes every error after it point at the wrong row.
          onRemove={(index) => update({ clarifications: values.clarifications.filter((_, i) => i !== index) }, ...Object.keys(fieldErrors).filter((k) => k.startsWith('clarifications')))}
          onChange={(index, name, value) =>
            update(
              { clarifications: values.clarifications.map((row, i) => (i === index ? { ...row, [name]: value } : row)) },
              `clarifications.${String(index)}.${name}`,
            )
          }
        />
      </FormSection>

      <FormSection
        title="Interviewer guide"
        intro="Only the interviewer sees this, step by step. Each step needs a strong answer; the lists may stay empty."
        action={
          <Button variant="ghost" size="sm" onClick={() => setOpenSteps(allOpen ? new Set() : new Set(STEP_IDS))}>
            {allOpen ? 'Collapse all steps' : 'Expand all steps'}
          </Button>
        }
      >
        <StepGuideFields
          guide={values.guide}
          errors={fieldErrors}
          openSteps={openSteps}
          onToggle={(step, open) =>
            setOpenSteps((current) => {
              const next = new Set(current);
              if (open) next.add(step);
              else next.delete(step);
              return next;
            })
          }
          onChange={setGuide}
        />
      </FormSection>

      <FormSection title="Expected components" intro="What a good diagram shows. The interviewer sees them ticked off as the candidate draws.">
        <ComponentChecklist
          selected={values.expectedComponents}
          error={fieldErrors.expectedComponents}
          onChange={(id, checked) =>
            update(
              { expectedComponents: checked ? [...values.expectedComponents, id] : values.expectedComponents.filter((c) => c !== id) },
              'expectedComponents',
            )
          }
        />
      </FormSection>

      <footer className="problem-form__footer">
        <div className="problem-form__alert">
          {summary && <Alert tone="danger">{summary}</Alert>}
        </div>
        <div className="problem-form__actions">
          <Link className="button button--ghost button--md" to="/problems">
            Cancel
          </Link>
          <Button type="submit" pending={save.isPending}>
            {slug ? 'Save changes' : 'Create problem'}
          </Button>
        </div>
      </footer>
    </form>
  );
}

function FormSection({ title, intro, action, children }: { title: string; intro: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="card problem-form__section">
      <header className="problem-form__section-header">
        <div>
          <h2 className="problem-form__section-title">{title}</h2>
          <p className="problem-form__section-intro">{intro}</p>
        </div>
        {action}
      </header>
      {children}
    </section>
  );
}
