import { useState } from 'react';
import type { ReceivedState } from './clock-display';
import { roundToFollow } from './next-round';

/** The next round to follow, if the two swapped roles while this room was open (see roundToFollow). */
export function useNextRound(received: ReceivedState | null, upToDate: boolean): string | null {
  const current = received?.state.nextSessionId ?? null;
  const [atOpen, setAtOpen] = useState<string | null | undefined>(undefined);
  // Adjusting state while rendering, once: React re-renders at once with it, before the screen updates.
  if (atOpen === undefined && received && upToDate) setAtOpen(current);
  return roundToFollow(atOpen, current);
}
