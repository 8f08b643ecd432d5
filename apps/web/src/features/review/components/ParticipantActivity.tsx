import { IDLE_GAP_MS, type RecordingParticipant, type RecordingStats } from '@mockboard/protocol';
import { memo } from 'react';
import { ROLE_LABELS } from '../../sessions/roles';

/** What each participant did to the board over the whole session. */
export const ParticipantActivity = memo(function ParticipantActivity({ participants, stats }: { participants: readonly RecordingParticipant[]; stats: RecordingStats }) {
  const activity = new Map(stats.participants.map((a) => [a.userId, a]));
  return (
    <section className="card review-panel" aria-labelledby="review-activity-title">
      <h2 className="review-panel__title" id="review-activity-title">
        Activity
      </h2>
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">Edits</th>
            <th scope="col">Elements drawn</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.userId}>
              <th scope="row">
                {p.displayName} <span className="review-table__note">{ROLE_LABELS[p.role]}</span>
              </th>
              <td>{activity.get(p.userId)?.edits ?? 0}</td>
              <td>{activity.get(p.userId)?.elementsCreated ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="review-panel__note">
        {countText(stats.pauses.length, 'pause')} · {countText(stats.idleGaps.length, 'idle gap')} of {String(IDLE_GAP_MS / 1000)} s or more
      </p>
    </section>
  );
});

function countText(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}
