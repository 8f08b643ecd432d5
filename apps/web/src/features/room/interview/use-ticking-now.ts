import { useEffect, useState } from 'react';
import { msUntilNextSecond, type ReceivedState } from './clock-display';

/** A few milliseconds past the flip, so rounding down lands on the new second. */
const AFTER_FLIP_MS = 5;

/**
 * `performance.now()`, refreshed each time a running clock shown from `received` reaches a new second, and
 * not at all while nothing runs. Until the first refresh after a new state, `now` may be older than its
 * receipt; the clock display treats that as "just received", which is what it is.
 */
export function useTickingNow(received: ReceivedState | null): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!received) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (): void => {
      const wait = msUntilNextSecond(received, performance.now());
      if (wait === null) return;
      timer = setTimeout(() => {
        setNow(performance.now());
        schedule();
      }, wait + AFTER_FLIP_MS);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [received]);
  return now;
}
