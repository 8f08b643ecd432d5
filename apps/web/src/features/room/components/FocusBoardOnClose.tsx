import { useEffect, useRef } from 'react';

/**
 * Rendered inside a header popover's panel: when the panel closes, focus goes to the board instead of
 * staying on the popover's button, so the board's keyboard shortcuts work straight away. Unless the person
 * closed it by clicking into something else (the chat box, say): focus stays where they put it.
 */
export function FocusBoardOnClose({ focusBoard }: { focusBoard: () => void }) {
  const marker = useRef<HTMLSpanElement>(null);
  const latest = useRef(focusBoard);
  useEffect(() => {
    latest.current = focusBoard;
  });
  useEffect(() => {
    const popover = marker.current?.closest('.popover');
    return () => {
      // After the popover has put focus back on its button (its own effect, which runs after this clean-up).
      setTimeout(() => {
        const active = document.activeElement;
        if (!active || active === document.body || (popover && popover.contains(active))) latest.current();
      }, 0);
    };
  }, []);
  return <span ref={marker} hidden />;
}
