import type { SaveState } from '../connection/use-room-connection';

const LABELS: Record<SaveState, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Offline',
  'offline-unsaved': 'Offline · changes kept here',
};

/** Whether the board on the server has caught up with this screen. */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span className={`save-indicator save-indicator--${state}`} role="status" aria-live="polite">
      <span className="save-indicator__dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
