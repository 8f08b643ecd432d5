import type { Db } from '@mockboard/db';
import type { JobName, JobPayloads } from '@mockboard/jobs';
import type { Logger } from 'pino';

export interface JobContext {
  db: Db;
  logger: Logger;
}

export interface JobHandler<N extends JobName = JobName> {
  name: N;
  run(payload: JobPayloads[N], context: JobContext): Promise<unknown>;
}
