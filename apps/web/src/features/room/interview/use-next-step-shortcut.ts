import { useEffect, useRef } from 'react';

/**
 * Alt+Shift+N: Excalidraw takes single keys (R, O, A...) and Ctrl/Cmd chords for its tools, none with Alt
 * and Shift together. Matched on `code`, not `key`: on a Mac, Alt turns the N into another character.
 */
export const NEXT_STEP_SHORTCUT = { aria: 'Alt+Shift+N', label: 'Alt+Shift+N' } as const;

export function isNextStepShortcut(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN';
}

/**
 * Listens on the whole page (the shortcut must work while the board has focus), in the capture phase so
 * Excalidraw does not also act on it. Held keys repeat: only the first press counts.
 */
export function useNextStepShortcut(enabled: boolean, onNext: () => void): void {
  const latest = useRef(onNext);
  useEffect(() => {
    latest.current = onNext;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isNextStepShortcut(event)) return;
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) latest.current();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
