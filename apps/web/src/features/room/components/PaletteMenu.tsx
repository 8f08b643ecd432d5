import type { BoardComponent } from '@mockboard/interview';
import { Popover } from '../../../ui/Popover';
import { ComponentPalette } from './ComponentPalette';
import { FocusBoardOnClose } from './FocusBoardOnClose';

interface PaletteMenuProps {
  onPlace: (component: BoardComponent) => void;
  disabled: boolean;
  focusBoard: () => void;
}

/** The component palette on screens too narrow for its own column: it opens from the header. */
export function PaletteMenu({ onPlace, disabled, focusBoard }: PaletteMenuProps) {
  return (
    <Popover label="Components" triggerClassName="button button--secondary button--sm">
      {(close) => (
        <div className="palette-menu">
          <ComponentPalette
            disabled={disabled}
            onPlace={(component) => {
              onPlace(component);
              close();
            }}
          />
          <FocusBoardOnClose focusBoard={focusBoard} />
        </div>
      )}
    </Popover>
  );
}
