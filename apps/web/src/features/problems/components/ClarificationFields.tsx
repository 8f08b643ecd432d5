import { Button } from '../../../ui/Button';
import { MAX_CLARIFICATIONS, type ClarificationRow } from '../problem-form';
import { TextAreaField } from './FormFields';

interface ClarificationFieldsProps {
  rows: readonly ClarificationRow[];
  errors: Record<string, string>;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onChange: (index: number, name: 'question' | 'answer', value: string) => void;
}

/** Questions a candidate may ask, each with the answer the interviewer reveals when they do. */
export function ClarificationFields({ rows, errors, onAdd, onRemove, onChange }: ClarificationFieldsProps) {
  return (
    <div className="clarifications">
      {rows.length === 0 && <p className="problem-form__empty">No clarifications yet. Add the facts a good candidate asks for.</p>}
      {rows.map((row, index) => {
        const number = String(index + 1);
        return (
          <fieldset key={row.key} className="clarification">
            <legend className="clarification__legend">Clarification {number}</legend>
            <TextAreaField
              label="Question"
              rows={2}
              value={row.question}
              onValueChange={(value) => onChange(index, 'question', value)}
              error={errors[`clarifications.${String(index)}.question`]}
              placeholder="How many items, and how fast must we answer?"
            />
            <TextAreaField
              label="Answer"
              rows={2}
              value={row.answer}
              onValueChange={(value) => onChange(index, 'answer', value)}
              error={errors[`clarifications.${String(index)}.answer`]}
              placeholder="About 10 million items; 100 ms end to end."
            />
            <Button variant="ghost" size="sm" className="clarification__remove" onClick={() => onRemove(index)} aria-label={`Remove clarification ${number}`}>
              Remove
            </Button>
          </fieldset>
        );
      })}
      {errors.clarifications && <p className="field__error">{errors.clarifications}</p>}
      <Button variant="secondary" size="sm" className="clarifications__add" onClick={onAdd} disabled={rows.length >= MAX_CLARIFICATIONS}>
        Add clarification
      </Button>
    </div>
  );
}
