import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { AppState, ExcalidrawImperativeAPI, ExcalidrawProps } from '@excalidraw/excalidraw/types';
import type { DragEvent } from 'react';
import { COMPONENT_DRAG_TYPE } from '../board/place-component';
import { BoardCanvas } from './BoardCanvas';
import { RoomMainMenu } from './RoomMainMenu';

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
      <BoardCanvas excalidrawAPI={onApi} onChange={onChange} onPointerUpdate={onPointerUpdate} viewModeEnabled={readOnly}>
        <RoomMainMenu />
      </BoardCanvas>
    </div>
  );
}
