import { BOARD_COMPONENTS, type BoardComponent } from '@mockboard/interview';
import { useId } from 'react';
import { COMPONENT_DRAG_TYPE } from '../board/place-component';

const GROUP_TITLES: Record<BoardComponent['group'], string> = {
  serving: 'Serving',
  data: 'Data',
  training: 'Training',
  retrieval: 'Retrieval & ranking',
  operations: 'Operations',
};

/** Groups in the order the data lists them, which is the order a design usually grows in. */
const GROUPS = [...new Set(BOARD_COMPONENTS.map((c) => c.group))].map((group) => ({
  group,
  items: BOARD_COMPONENTS.filter((c) => c.group === group),
}));

interface ComponentPaletteProps {
  /** Click (or Enter) places the component in the middle of the visible board. */
  onPlace: (component: BoardComponent) => void;
  disabled: boolean;
}

/** The building blocks of ML system diagrams; drag one onto the board, or click to drop it in the middle. */
export function ComponentPalette({ onPlace, disabled }: ComponentPaletteProps) {
  const titleId = useId();
  return (
    <aside className="palette" aria-labelledby={titleId}>
      <h2 className="palette__title" id={titleId}>
        Components
      </h2>
      <p className="palette__hint">Drag onto the board, or click to add.</p>
      <div className="palette__groups">
        {GROUPS.map(({ group, items }) => (
          <section key={group} className="palette__group" aria-label={GROUP_TITLES[group]}>
            <h3 className="palette__group-title">{GROUP_TITLES[group]}</h3>
            <ul className="palette__items">
              {items.map((component) => (
                <li key={component.id}>
                  <button
                    type="button"
                    className="palette__item"
                    draggable={!disabled}
                    disabled={disabled}
                    onClick={() => onPlace(component)}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(COMPONENT_DRAG_TYPE, component.id);
                      event.dataTransfer.effectAllowed = 'copy';
                    }}
                  >
                    <span className="palette__swatch" style={{ background: component.color }} aria-hidden="true" />
                    {component.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
