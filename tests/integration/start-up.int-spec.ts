import { STEP_IDS } from '@mockboard/interview';
import type { AuthResponse, SessionView, YjsAck } from '@mockboard/protocol';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnApi, waitForHealthy } from '../support/api-process';
import { freePort } from '@mockboard/testing';
import { requestJson } from '../support/http';
import { connectedProvider } from '../support/room-clients';
import { TEST_REDIS_URL } from '../support/test-run';

describe('starting the built server', () => {
  it('runs on the embedded PGlite database when DATABASE_URL is unset, and says so', async () => {
    const port = String(await freePort());
    const dataDir = mkdtempSync(join(tmpdir(), 'mb-pglite-'));
    const api = spawnApi({
      PORT: port,
      DATA_DIR: dataDir,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX}-pglite`,
      LOG_LEVEL: 'warn',
    });
    try {
      await waitForHealthy(api, 60_000);
      expect(api.output()).toContain(`using the embedded PGlite database in ${join(dataDir, 'pglite')}`);
      expect(api.output()).toContain(`Mockboard is running at http://localhost:${port}`);

      const registered = await requestJson<AuthResponse>(api.baseUrl, '/api/auth/register', {
        body: { email: 'pglite@example.test', password: 'embedded-pg', displayName: 'Lite' },
      });
      expect(registered.status).toBe(201);
      const me = await requestJson<{ user: { email: string } }>(api.baseUrl, '/api/me', { token: registered.body.token });
      expect(me.body.user.email).toBe('pglite@example.test');
      const health = await requestJson(api.baseUrl, '/api/health');
      expect(health.body).toMatchObject({ status: 'ok', db: 'ok' });

      // The room's update log on PGlite: an edit is acknowledged only once committed there (a failing
      // insert is retried, never acknowledged).
      const session = await requestJson<SessionView>(api.baseUrl, '/api/sessions', {
        token: registered.body.token,
        body: { problemSlug: 'video-recommendation' },
      });
      const provider = await connectedProvider(api.baseUrl, session.body.id, registered.body.token);
      const acks: YjsAck[] = [];
      provider.on('ack', (ack) => acks.push(ack));
      provider.doc.getMap('elements').set('on-pglite', { version: 1 });
      await provider.whenAcked();
      provider.destroy();
      expect(acks.length).toBeGreaterThan(0);
      expect(acks.filter((ack) => !ack.ok)).toEqual([]);

      // An interview run and scored on PGlite. Its one connection serves a single transaction at a time, so
      // a query made outside a command's transaction while it holds the session's lock would hang here.
      const guest = await requestJson<AuthResponse>(api.baseUrl, '/api/auth/guest', { body: { displayName: 'Lite Candidate' } });
      await requestJson(api.baseUrl, '/api/sessions/join', { token: guest.body.token, body: { inviteCode: session.body.inviteCode } });
      const at = (path: string) => `/api/sessions/${session.body.id}/${path}`;
      const interviewer = registered.body.token;
      const statuses: Record<string, number> = {};
      for (const [path, method, token, body] of [
        ['start', 'POST', interviewer, undefined],
        ['step', 'POST', interviewer, { step: 'framing' }],
        ['rubric-notes', 'POST', interviewer, { text: 'framed it as ranking' }],
        ['scorecard', 'PUT', interviewer, { steps: STEP_IDS.map((step) => ({ step, score: 3 })), recommendation: 'hire' }],
        ['end', 'POST', interviewer, undefined],
        ['feedback', 'PUT', guest.body.token, { helpfulness: 4, comment: 'clear' }],
        ['scorecard/submit', 'POST', interviewer, undefined],
        ['scorecard/release', 'POST', interviewer, undefined],
        ['swap', 'POST', guest.body.token, {}],
      ] as const) {
        statuses[path] = (await requestJson(api.baseUrl, at(path), { method, token, body })).status;
      }
      expect(statuses).toEqual({
        start: 200,
        step: 200,
        'rubric-notes': 201,
        scorecard: 200,
        end: 200,
        feedback: 200,
        'scorecard/submit': 200,
        'scorecard/release': 200,
        swap: 201,
      });

      // V8: `npm start`'s embedded worker builds the recording on PGlite too, next to the rooms.
      let recording: { status?: string; error?: string } = {};
      for (const deadline = Date.now() + 20_000; recording.status !== 'ready' && recording.status !== 'failed' && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        recording = (await requestJson<{ status: string; error?: string }>(api.baseUrl, at('recording'), { token: interviewer })).body;
      }
      expect(recording).toMatchObject({ status: 'ready' });
    } finally {
      await api.stop();
    }
  }, 90_000);

  it('S8: a stop (SIGTERM) says it is storing the open rooms, stores them, says when it is done and exits 0', async () => {
    const port = String(await freePort());
    const api = spawnApi({
      PORT: port,
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX}-stop`,
      SESSION_SECRET: 'stop-test-secret-stop-test-secret-stop-test',
      LOG_LEVEL: 'info',
      WORKER_EMBEDDED: 'false',
    });
    try {
      await waitForHealthy(api);
      const registered = await requestJson<AuthResponse>(api.baseUrl, '/api/auth/guest', { body: { displayName: 'Stopper' } });
      const session = await requestJson<SessionView>(api.baseUrl, '/api/sessions', { token: registered.body.token, body: { problemSlug: 'video-recommendation' } });
      const provider = await connectedProvider(api.baseUrl, session.body.id, registered.body.token);
      provider.doc.getMap('elements').set('before-stop', { version: 1 });
      await provider.whenAcked();
      provider.destroy();
      expect(await api.stop('SIGTERM')).toBe(0);
      const output = api.output();
      expect(output).toMatch(/Stopping: storing 1 open room/);
      expect(output).toMatch(/Rooms stored\./);
      expect(output.indexOf('Rooms stored.')).toBeGreaterThan(output.indexOf('Stopping: storing'));
    } finally {
      await api.stop('SIGKILL');
    }
  });

  it('exits non-zero listing every invalid variable', async () => {
    const api = spawnApi({ PORT: 'eighty', REDIS_URL: 'nope', LOG_LEVEL: 'loud' });
    expect(await api.exited).toBe(1);
    const output = api.output();
    expect(output).toContain('Invalid configuration');
    for (const variable of ['PORT', 'REDIS_URL', 'LOG_LEVEL']) expect(output).toContain(`- ${variable}:`);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('starts with Redis down, prints one line on what to do, and reports 503', async () => {
    const port = String(await freePort());
    const api = spawnApi({
      PORT: port,
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      SESSION_SECRET: 'start-up-test-secret-start-up-test-secret',
      LOG_LEVEL: 'info',
    });
    try {
      await waitForHealthy(api);
      const health = await requestJson(api.baseUrl, '/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ redis: 'down', db: 'ok' });
      await new Promise((r) => setTimeout(r, 1_500));
      const help = api.output().split('\n').filter((line) => line.includes('docker compose -f docker/compose.yml up -d redis'));
      // One line from the api's client and at most one from the embedded worker, however many retries ran.
      expect(help.length).toBeGreaterThanOrEqual(1);
      expect(help.length).toBeLessThanOrEqual(2);
      expect(api.output()).not.toMatch(/\n\s+at /);
    } finally {
      await api.stop();
    }
  });
});
