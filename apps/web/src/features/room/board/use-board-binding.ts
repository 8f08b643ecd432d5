import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { AppState, ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { RoomProvider } from '@mockboard/room-client';
import { useCallback, useEffect, useRef } from 'react';
import { BoardBinding } from './board-binding';

type SceneChangeHandler = (elements: readonly OrderedExcalidrawElement[], appState: AppState) => void;

/** One binding per (document, Excalidraw) pair; returns the stable handler Excalidraw's onChange feeds. */
export function useBoardBinding(provider: RoomProvider | null, api: ExcalidrawImperativeAPI | null, readOnly: boolean): SceneChangeHandler {
  const binding = useRef<BoardBinding | null>(null);
  useEffect(() => {
    if (!provider || !api) return;
    const current = new BoardBinding(api, provider.doc, readOnly);
    binding.current = current;
    return () => {
      current.destroy();
      binding.current = null;
    };
  }, [provider, api, readOnly]);
  return useCallback<SceneChangeHandler>((elements, appState) => binding.current?.onSceneChange(elements, appState), []);
}
