export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/**
 * How much of a gap's end is still played when it is skipped: landing a moment before the next edit shows
 * the board just before it changes, instead of the change already under way.
 */
export const GAP_LEAD_IN_MS = 1_000;

/**
 * "Skip idle gaps": a playhead inside a quiet stretch jumps to just before its end. Returns the position
 * unchanged when it is in no gap, or already within the lead-in of one.
 */
export function skipIdleGap(positionMs: number, gaps: readonly TimeSpan[]): number {
  for (const gap of gaps) {
    const landing = Math.max(gap.startMs, gap.endMs - GAP_LEAD_IN_MS);
    if (positionMs >= gap.startMs && positionMs < landing) return landing;
  }
  return positionMs;
}

