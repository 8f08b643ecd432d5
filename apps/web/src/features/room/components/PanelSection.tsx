import { useId, useState, type ReactNode } from 'react';

interface PanelSectionProps {
  /** Also the region's accessible name ("Agenda", "Problem", "Chat"). */
  title: string;
  className?: string;
  /** Shown beside the title, folded or not: the agenda's status and clock. */
  summary?: ReactNode;
  children: ReactNode;
}

/**
 * One foldable part of the room's side panel. On a 768 px tall screen the agenda, the guide and the chat
 * cannot all be open and readable at once; folding one gives its height to the others.
 */
export function PanelSection({ title, className = '', summary, children }: PanelSectionProps) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  return (
    <section className={`panel-section ${className}`} aria-label={title} data-open={open}>
      <header className="panel-section__header">
        <h2 className="panel-section__title">
          <button type="button" className="panel-section__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
            <span className="panel-section__chevron" aria-hidden="true" />
            {title}
          </button>
        </h2>
        {summary && <div className="panel-section__summary">{summary}</div>}
      </header>
      <div id={bodyId} className="panel-section__body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
