import { Excalidraw } from '@excalidraw/excalidraw';
import type { ExcalidrawProps, UIOptions } from '@excalidraw/excalidraw/types';
import '@excalidraw/excalidraw/index.css';

/**
 * What every board turns off in Excalidraw, menus and command palette alike: the board lives on the server
 * (or, replayed, in a recording), so opening or saving files would only confuse; export has its own menu;
 * images are not synced yet (they need file storage). Clearing the canvas would delete every element for
 * everyone at once; the background colour is not shared, so changing it would only change one person's view.
 */
const UI_OPTIONS: Partial<UIOptions> = {
  canvasActions: {
    loadScene: false,
    saveToActiveFile: false,
    export: false,
    saveAsImage: false,
    toggleTheme: false,
    clearCanvas: false,
    changeViewBackgroundColor: false,
  },
  tools: { image: false },
};

/** Read once, on mount; a constant so that re-rendering the page does not re-render Excalidraw. */
const INITIAL_DATA: ExcalidrawProps['initialData'] = { appState: { viewBackgroundColor: '#ffffff' } };

/** Excalidraw set up as the room's live board and the review's replayed one both show it. */
export function BoardCanvas(props: Omit<ExcalidrawProps, 'UIOptions' | 'initialData'>) {
  return <Excalidraw {...props} UIOptions={UI_OPTIONS} initialData={INITIAL_DATA} />;
}
