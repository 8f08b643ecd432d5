import type { ConnectionOptions } from 'bullmq';

/** The one BullMQ queue for background work; jobs are told apart by name. */
export const BACKGROUND_QUEUE = 'background';

/** Job name -> payload. The worker refuses to start unless every name has exactly one handler. */
export interface JobPayloads {
  'auth.purge-expired-sessions': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES = ['auth.purge-expired-sessions'] as const satisfies readonly JobName[];

/** Repeating jobs: a scheduler id per job so that every api or worker node upserts the same schedule. */
export const JOB_SCHEDULES: ReadonlyArray<{ name: JobName; everyMs: number }> = [
  { name: 'auth.purge-expired-sessions', everyMs: 60 * 60 * 1000 },
];

/**
 * How every queue, worker and event listener reaches Redis: commands wait for it rather than fail (BullMQ
 * requires it of blocking clients), and reconnects back off to once every 5 s.
 */
export function jobsConnection(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null, retryStrategy: (attempt: number) => Math.min(attempt * 250, 5_000) };
}
