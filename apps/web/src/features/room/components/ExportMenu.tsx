import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useState } from 'react';
import { Popover } from '../../../ui/Popover';
import { exportBoard, exportFileName, type ExportFormat } from '../board/export-board';
import { FocusBoardOnClose } from './FocusBoardOnClose';

const FORMATS: ReadonlyArray<{ format: ExportFormat; label: string }> = [
  { format: 'png', label: 'PNG image' },
  { format: 'svg', label: 'SVG (vector)' },
];

export function ExportMenu({ api, title, focusBoard }: { api: ExcalidrawImperativeAPI | null; title: string; focusBoard: () => void }) {
  const [error, setError] = useState<string | null>(null);

  return (
    <Popover label="Export" triggerClassName="button button--secondary button--sm">
      {(close) => (
        <div className="menu" role="menu" aria-label="Export the board">
          {FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              className="menu__item"
              disabled={!api}
              onClick={() => {
                if (!api) return;
                setError(null);
                exportBoard(api, format, exportFileName(title)).then(close, () => setError('The export failed. Try again.'));
              }}
            >
              {label}
            </button>
          ))}
          {error && (
            <p className="menu__error" role="alert">
              {error}
            </p>
          )}
          <FocusBoardOnClose focusBoard={focusBoard} />
        </div>
      )}
    </Popover>
  );
}
