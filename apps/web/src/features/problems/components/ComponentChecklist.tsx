import { BOARD_COMPONENTS, type BoardComponent } from '@mockboard/interview';
import { COMPONENT_GROUP_LABELS } from '../problem-labels';

const GROUPS = Object.keys(COMPONENT_GROUP_LABELS) as BoardComponent['group'][];

interface ComponentChecklistProps {
  selected: readonly string[];
  error?: string;
  onChange: (id: string, checked: boolean) => void;
}

/** The whiteboard palette's components, grouped as in the palette; the ticked ones are what a good diagram shows. */
export function ComponentChecklist({ selected, error, onChange }: ComponentChecklistProps) {
  return (
    <div className="component-checklist">
      {GROUPS.map((group) => (
        <fieldset key={group} className="component-checklist__group">
          <legend className="component-checklist__legend">{COMPONENT_GROUP_LABELS[group]}</legend>
          {BOARD_COMPONENTS.filter((c) => c.group === group).map((component) => (
            <label key={component.id} className="component-checklist__item">
              <input type="checkbox" checked={selected.includes(component.id)} onChange={(event) => onChange(component.id, event.target.checked)} />
              <span className="component-checklist__swatch" style={{ background: component.color }} aria-hidden="true" />
              {component.label}
            </label>
          ))}
        </fieldset>
      ))}
      {error && <p className="field__error component-checklist__error">{error}</p>}
    </div>
  );
}
