import type { SessionGuide } from '@mockboard/protocol';

/** The metrics that fit this problem, for the evaluation step's discussion. */
export function ProblemMetrics({ metrics }: { metrics: SessionGuide['metrics'] }) {
  return (
    <dl className="metrics">
      <dt>Offline</dt>
      <dd>{metrics.offline.join(', ')}</dd>
      <dt>Online</dt>
      <dd>{metrics.online.join(', ')}</dd>
    </dl>
  );
}
