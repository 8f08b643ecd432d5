import type { ScorecardHandle } from '../../scoring/use-scorecard';

const STATUS_LABELS = { submitted: 'Submitted', released: 'Released' } as const;

/**
 * Whether the server has everything typed in the rubric: Saved, Saving…, or Offline — retrying (the draft
 * is kept in this browser meanwhile). Once submitted, the card's status instead.
 */
export function RubricSaveStatus({ card }: { card: ScorecardHandle }) {
  if (card.status === 'submitted' || card.status === 'released') {
    return <span className={`rubric-status rubric-status--${card.status}`}>{STATUS_LABELS[card.status]}</span>;
  }
  if (!card.draft) return null;
  const { status, error } = card.save;
  const label = status === 'saving' ? 'Saving…' : status === 'offline' ? 'Offline — retrying' : status === 'failed' ? 'Not saved' : 'Saved';
  return (
    <span className={`save-indicator save-indicator--${status === 'failed' ? 'offline-unsaved' : status}`} role="status" aria-live="polite" title={error ?? undefined}>
      <span className="save-indicator__dot" aria-hidden="true" />
      {label}
      {status === 'failed' && (
        <button type="button" className="rubric-status__retry" onClick={() => void card.flush()}>
          Try again
        </button>
      )}
    </span>
  );
}
