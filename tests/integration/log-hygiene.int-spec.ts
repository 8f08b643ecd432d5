import { randomUUID } from 'node:crypto';
import { freePort, withPgClient } from '@mockboard/testing';
import { spawnApi, waitForHealthy } from '../support/api-process';
import { requestJson, uniqueEmail } from '../support/http';
import { TEST_REDIS_URL } from '../support/test-run';

/** Logs carry no query parameters and no user content, even when a query fails (issue 9, section 2). */
describe('log hygiene', () => {
  it('a failed insert is logged by SQLSTATE and table, without the email, password hash or name it carried', async () => {
    const databaseUrl = process.env.TEST_DATABASE_URL ?? '';
    const marker = `Refused ${randomUUID().slice(0, 8)}`;
    const constraint = `test_refuse_${randomUUID().replace(/-/g, '')}`;
    // A check that fails exactly this sign-up: the insert, with its argon2 hash, reaches Postgres and fails there.
    await withPgClient(databaseUrl, (client) => client.query(`alter table users add constraint ${constraint} check (display_name <> '${marker}') not valid`));
    const api = spawnApi({
      PORT: String(await freePort()),
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX}-logs`,
      SESSION_SECRET: 'log-hygiene-secret-log-hygiene-secret-0123',
      LOG_LEVEL: 'info',
      WORKER_EMBEDDED: 'false',
    });
    try {
      await waitForHealthy(api);
      const email = uniqueEmail('leak');
      const answer = await requestJson(api.baseUrl, '/api/auth/register', { body: { email, password: 'secret-password-123', displayName: marker } });
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ error: { code: 'internal', message: expect.any(String) } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const output = api.output();
      expect(output).toContain(`database error 23514 (table users, constraint ${constraint})`);
      for (const leak of [email, marker, '$argon2', 'secret-password-123', 'params:', 'insert into']) expect(output).not.toContain(leak);
    } finally {
      await api.stop();
      await withPgClient(databaseUrl, (client) => client.query(`alter table users drop constraint ${constraint}`));
    }
  });
});
