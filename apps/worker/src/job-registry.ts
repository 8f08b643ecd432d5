import { JOB_NAMES, type JobName } from '@mockboard/jobs';
import type { JobHandler } from './job-handler';
import { purgeExpiredSessionsJob } from './jobs/purge-expired-sessions.job';

export const JOB_HANDLERS: readonly JobHandler[] = [purgeExpiredSessionsJob as JobHandler];

/** Refuses to start a worker that would silently drop a job kind or run one twice. */
export function indexHandlers(handlers: readonly JobHandler[]): Map<JobName, JobHandler> {
  const byName = new Map<JobName, JobHandler>();
  for (const handler of handlers) {
    if (byName.has(handler.name)) throw new Error(`Two handlers for job "${handler.name}"`);
    byName.set(handler.name, handler);
  }
  const missing = JOB_NAMES.filter((name) => !byName.has(name));
  if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  return byName;
}
