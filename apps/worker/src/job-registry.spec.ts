import { indexHandlers, JOB_HANDLERS } from './job-registry';
import type { JobHandler } from './job-handler';

describe('indexHandlers', () => {
  it('accepts the registered handlers: one per job name', () => {
    expect([...indexHandlers(JOB_HANDLERS).keys()]).toEqual(['auth.purge-expired-sessions']);
  });

  it('refuses two handlers for one job', () => {
    const handler = JOB_HANDLERS[0] as JobHandler;
    expect(() => indexHandlers([handler, handler])).toThrow(/Two handlers for job "auth.purge-expired-sessions"/);
  });

  it('refuses a job name with no handler', () => {
    expect(() => indexHandlers([])).toThrow(/No handler for job\(s\): auth.purge-expired-sessions/);
  });
});
