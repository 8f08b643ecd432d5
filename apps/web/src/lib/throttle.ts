/**
 * Runs `fn` at most once per `ms`, always ending with the latest call (trailing), so the last pointer
 * position or viewport is never dropped. `cancel` drops a pending call, e.g. on unmount.
 */
export function throttle(fn: () => void, ms: number): { (): void; cancel: () => void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    timer = undefined;
    last = Date.now();
    fn();
  };
  const throttled = (): void => {
    if (timer !== undefined) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  throttled.cancel = (): void => {
    clearTimeout(timer);
    timer = undefined;
  };
  return throttled;
}
