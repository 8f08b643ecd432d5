import type { HealthResponse } from '@mockboard/protocol';
import { freePort } from '@mockboard/testing';
import { requestJson } from '../../../../../tests/support/http';
import { startTestApp } from '../../../../../tests/support/test-app';

describe('GET /api/health', () => {
  it('answers 200 with every dependency ok', async () => {
    const app = await startTestApp();
    try {
      const health = await requestJson<HealthResponse>(app.baseUrl, '/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok', db: 'ok', redis: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming Redis when Redis is unreachable', async () => {
    const closedPort = await freePort();
    const app = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${closedPort}` });
    try {
      const health = await requestJson<HealthResponse>(app.baseUrl, '/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'degraded', db: 'ok', redis: 'down' });
    } finally {
      await app.close();
    }
  });
});
