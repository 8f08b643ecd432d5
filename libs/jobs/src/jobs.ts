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
