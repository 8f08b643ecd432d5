import { useEffect } from 'react';

/** Arrow keys move the playhead this much, or `LONG_STEP_MS` with Shift. */
const STEP_MS = 5_000;
const LONG_STEP_MS = 30_000;

interface Shortcuts {
  togglePlay: () => void;
  seekBy: (deltaMs: number) => void;
}

/** Fields whose keys are text: a reviewer typing must not start the playback. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'range'].includes(target.type);
}

/**
 * Space plays and pauses; the arrows move by 5 s (30 s with Shift). Space on a button presses that button
 * and arrows on the scrubber move it, as the browser does, so those keys are left to them.
 */
export function usePlayerShortcuts({ togglePlay, seekBy }: Shortcuts): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key === ' ') {
        if (target?.closest('button, a, [role="button"]')) return;
        event.preventDefault();
        togglePlay();
      } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        if (target instanceof HTMLInputElement && target.type === 'range') return;
        event.preventDefault();
        const step = event.shiftKey ? LONG_STEP_MS : STEP_MS;
        seekBy(event.key === 'ArrowLeft' ? -step : step);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [togglePlay, seekBy]);
}
