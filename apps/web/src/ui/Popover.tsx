import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  /** The trigger's content; the trigger itself is a button that toggles the panel. */
  label: ReactNode;
  triggerClassName?: string;
  /** Called when the panel opens, e.g. to copy a link at the same time. */
  onOpen?: () => void;
  children: (close: () => void) => ReactNode;
  align?: 'start' | 'end';
}

/** A button with a panel under it; closes on Escape or a click elsewhere, and gives focus back. */
export function Popover({ label, triggerClassName = 'button button--secondary button--sm', onOpen, children, align = 'end' }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const restoreFocus = useRef(true);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) {
        // The click put focus (or the pointer) where the user wants it: leave it there.
        restoreFocus.current = false;
        setOpen(false);
      }
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const close = useCallback(() => setOpen(false), []);

  // Closing from inside the panel (a menu item, Escape) must not drop focus on the page body.
  useEffect(() => {
    if (wasOpen.current && !open && restoreFocus.current) triggerRef.current?.focus();
    wasOpen.current = open;
    restoreFocus.current = true;
  }, [open]);

  return (
    <div className="popover" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className={triggerClassName}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {label}
      </button>
      {open && (
        <div id={panelId} className={`popover__panel popover__panel--${align}`}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
