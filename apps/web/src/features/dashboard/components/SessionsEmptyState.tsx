import { Button } from '../../../ui/Button';

export function SessionsEmptyState({ onNewSession }: { onNewSession: () => void }) {
  return (
    <section className="card empty-state" aria-labelledby="sessions-empty-title">
      <BoardIllustration />
      <h2 className="empty-state__title" id="sessions-empty-title">
        No sessions yet
      </h2>
      <p className="empty-state__text">Sessions you create or join will appear here.</p>
      <Button variant="secondary" className="empty-state__action" onClick={onNewSession}>
        Start a mock interview
      </Button>
    </section>
  );
}

/** A sketch of a small system diagram on a board: what a session is about, without promising a feature. */
function BoardIllustration() {
  return (
    <svg className="empty-state__art" width="168" height="112" viewBox="0 0 168 112" aria-hidden="true" focusable="false">
      <rect x="4" y="4" width="160" height="104" rx="12" fill="var(--color-surface-muted)" stroke="var(--color-border)" />
      <g fill="var(--color-border-strong)">
        {Array.from({ length: 7 }, (_, col) =>
          Array.from({ length: 4 }, (__, row) => <circle key={`${String(col)}-${String(row)}`} cx={22 + col * 21} cy={22 + row * 23} r="1.2" />),
        )}
      </g>
      <path d="M52 38h28M108 38h-28M80 38v28" stroke="var(--color-accent)" strokeWidth="2" strokeDasharray="4 4" fill="none" />
      <rect x="22" y="26" width="30" height="24" rx="6" fill="var(--color-surface)" stroke="var(--color-border-strong)" />
      <rect x="116" y="26" width="30" height="24" rx="6" fill="var(--color-surface)" stroke="var(--color-border-strong)" />
      <rect x="62" y="66" width="36" height="26" rx="6" fill="var(--color-accent-soft)" stroke="var(--color-accent)" />
      <path d="M29 35h16M29 41h10M123 35h16M123 41h12M70 76h20M70 82h12" stroke="var(--color-text-subtle)" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
