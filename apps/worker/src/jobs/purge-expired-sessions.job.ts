import { authSessions } from '@mockboard/db';
import { lt } from 'drizzle-orm';
import type { JobHandler } from '../job-handler';

/** Expired sessions are already refused at sign-in time; this only keeps the table small. */
export const purgeExpiredSessionsJob: JobHandler<'auth.purge-expired-sessions'> = {
  name: 'auth.purge-expired-sessions',
  async run(_payload, { db, logger }) {
    const purged = await db.delete(authSessions).where(lt(authSessions.expiresAt, new Date())).returning({ id: authSessions.id });
    if (purged.length > 0) logger.info({ purged: purged.length }, 'purged expired auth sessions');
    return { purged: purged.length };
  },
};
