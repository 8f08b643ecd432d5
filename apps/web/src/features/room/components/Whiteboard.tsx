import { Excalidraw } from '@excalidraw/excalidraw';
import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { AppState, ExcalidrawImperativeAPI, ExcalidrawProps, UIOptions } from '@excalidraw/excalidraw/types';
import '@excalidraw/excalidraw/index.css';
import type { DragEvent } from 'react';
import { COMPONENT_DRAG_TYPE } from '../board/place-component';
import { RoomMainMenu } from './RoomMainMenu';

/**
 * What the room turns off in Excalidraw, menus and command palette alike: the board lives on the server, so
 * opening or saving files would only confuse; export has its own menu; images are not synced yet (they need
 * file storage). Clearing the canvas would delete every element for everyone at once; the background colour
 * is not shared, so changing it would only change one person's view.
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

/** Read once, on mount; a constant so that re-rendering the room does not re-render Excalidraw. */
const INITIAL_DATA: ExcalidrawProps['initialData'] = { appState: { viewBackgroundColor: '#ffffff' } };

interface WhiteboardProps {
  readOnly: boolean;
  onApi: (api: ExcalidrawImperativeAPI) => void;
  onChange: (elements: readonly OrderedExcalidrawElement[], appState: AppState) => void;
  onPointerUpdate: NonNullable<ExcalidrawProps['onPointerUpdate']>;
  /** A palette item was dropped on the canvas at this point (client coordinates). */
  onDropComponent: (componentId: string, point: { clientX: number; clientY: number }) => void;
}

export function Whiteboard({ readOnly, onApi, onChange, onPointerUpdate, onDropComponent }: WhiteboardProps) {
  const isPaletteDrag = (event: DragEvent) => !readOnly && event.dataTransfer.types.includes(COMPONENT_DRAG_TYPE);

  return (
    <div
      className="room__board"
      // Capture phase: Excalidraw's own drop handler (files, libraries) must not see palette drops.
      onDragOverCapture={(event) => {
        if (!isPaletteDrag(event)) return;
        event.preventDefault();
        event.stopPropagation();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDropCapture={(event) => {
        if (!isPaletteDrag(event)) return;
        event.preventDefault();
        event.stopPropagation();
        onDropComponent(event.dataTransfer.getData(COMPONENT_DRAG_TYPE), { clientX: event.clientX, clientY: event.clientY });
      }}
    >
      <Excalidraw
        excalidrawAPI={onApi}
        onChange={onChange}
        onPointerUpdate={onPointerUpdate}
        viewModeEnabled={readOnly}
        UIOptions={UI_OPTIONS}
        initialData={INITIAL_DATA}
      >
        <RoomMainMenu />
      </Excalidraw>
    </div>
  );
}
