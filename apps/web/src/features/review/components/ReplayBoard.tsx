import { CaptureUpdateAction } from '@excalidraw/excalidraw';
import type { AppState, ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useCallback, useEffect, useRef } from 'react';
import { BoardCanvas } from '../../room/components/BoardCanvas';
import type { BoardElement } from '../board/board-scene';

interface ReplayBoardProps {
  elements: readonly BoardElement[];
  onApi: (api: ExcalidrawImperativeAPI) => void;
}

/**
 * The board at the playhead, read-only. Excalidraw replaces its scene with `initialData` once it has
 * loaded, so a scene handed over before then is handed over again at that point (as the room's binding does).
 * The view is fitted to the first board that has something on it; after that, zoom and scroll are the viewer's.
 */
export function ReplayBoard({ elements, onApi }: ReplayBoardProps) {
  const api = useRef<ExcalidrawImperativeAPI | null>(null);
  const loaded = useRef(false);
  const fitted = useRef(false);
  const latest = useRef(elements);

  const show = useCallback(() => {
    const current = api.current;
    if (!current || !loaded.current) return;
    current.updateScene({ elements: latest.current, captureUpdate: CaptureUpdateAction.NEVER });
    if (!fitted.current && latest.current.some((e) => !e.isDeleted)) {
      fitted.current = true;
      current.scrollToContent(undefined, { fitToContent: true, animate: false });
    }
  }, []);

  useEffect(() => {
    latest.current = elements;
    show();
  }, [elements, show]);

  const onChange = useCallback(
    (_elements: unknown, appState: AppState) => {
      if (loaded.current || appState.isLoading) return;
      loaded.current = true;
      show();
    },
    [show],
  );

  return (
    <div className="review-board__canvas">
      <BoardCanvas
        excalidrawAPI={(instance) => {
          api.current = instance;
          onApi(instance);
          if (instance.getAppState().isLoading) return;
          loaded.current = true;
          show();
        }}
        onChange={onChange}
        viewModeEnabled
      />
    </div>
  );
}
