import { UpdateLogRepository } from '@mockboard/collab';
import { recordings, recordingUpdates } from '@mockboard/db';
import { recordingJobId, RECORDINGS_QUEUE } from '@mockboard/jobs';
import type { AuthResponse, RecordingView, SessionView } from '@mockboard/protocol';
import { deleteRedisKeys, freePort } from '@mockboard/testing';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { spawnApi, waitForHealthy } from '../../../../tests/support/api-process';
import { spawnBuiltApp, type BuiltAppProcess } from '../../../../tests/support/built-app-process';
import { requestJson } from '../../../../tests/support/http';
import { interviewApi, interviewCast } from '../../../../tests/support/interview-clients';
import { connectedProvider, eventually } from '../../../../tests/support/room-clients';
import { startTestApp, type TestApp } from '../../../../tests/support/test-app';
import { TEST_REDIS_URL } from '../../../../tests/support/test-run';

const SECRET = 'recording-worker-secret-recording-worker-secret';

describe('the recording worker on its own and embedded (rules V1, V2, V8)', () => {
  const prefix = `${process.env.TEST_REDIS_PREFIX}-recworker`;
  let app: TestApp;
  const workers: BuiltAppProcess[] = [];
  let interview: ReturnType<typeof interviewApi>;
  let queue: Queue;

  const startWorkerProcess = (env: Record<string, string> = {}): BuiltAppProcess => {
    const worker = spawnBuiltApp('worker', {
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      SESSION_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      // A killed worker's job is handed out again a second after its claim lapses; the sweep runs twice a second.
      JOB_LOCK_MS: '1000',
      RECORDING_SWEEP_MS: '500',
      RECORDING_BACKOFF_MS: '100',
      ...env,
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    // The api without its worker: it only ends sessions and answers about recordings.
    app = await startTestApp({ REDIS_PREFIX: prefix, SESSION_SECRET: SECRET, ROOM_CONTROLS_BURST: '10000', SESSIONS_PER_HOUR: '10000' });
    interview = interviewApi(app.baseUrl);
    queue = new Queue(RECORDINGS_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix });
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop('SIGKILL');
  });
  afterAll(async () => {
    await queue.close();
    await app.close();
  });

  const statusOf = async (id: string) => (await app.database.db.select().from(recordings).where(eq(recordings.sessionId, id)))[0];
  const untilReady = async (id: string, token: string, timeoutMs: number, worker?: BuiltAppProcess): Promise<RecordingView> => {
    let last: RecordingView | undefined;
    try {
      await eventually(async () => (last = (await requestJson<RecordingView>(app.baseUrl, `/api/sessions/${id}/recording`, { token })).body).status === 'ready', timeoutMs, 'a ready recording');
    } catch (error) {
      throw new Error(`${String(error)} (last: ${JSON.stringify(last)?.slice(0, 300)})\nworker output:\n${worker?.output() ?? ''}`);
    }
    return last as RecordingView;
  };

  /** A session that started and ended, with one acknowledged edit; the end enqueues its recording. */
  const endedSession = async () => {
    const { session, interviewer } = await interviewCast(app.baseUrl);
    const provider = await connectedProvider(app.baseUrl, session.id, interviewer.token);
    try {
      await interview.ok(session.id, 'start', interviewer.token);
      provider.doc.getMap('elements').set('box', { version: 1 });
      await provider.whenAcked();
    } finally {
      provider.destroy();
    }
    await interview.ok(session.id, 'end', interviewer.token);
    return { id: session.id, token: interviewer.token };
  };

  it('V8: the standalone worker builds the recording of a session ended through the api', async () => {
    const worker = startWorkerProcess();
    const { id, token } = await endedSession();
    const ready = await untilReady(id, token, 15_000, worker);
    expect(ready.stats?.updates).toBe(1);
    expect(worker.child.exitCode).toBeNull();
  });

  it('V1, V2: a worker killed (SIGKILL) mid-build leaves the recording `processing`; restarted, it completes it, even after a second kill', async () => {
    // A long log, written as a room would: 30 000 small edits by one client.
    const { session, interviewer } = await interviewCast(app.baseUrl);
    const id = session.id;
    await interview.ok(id, 'start', interviewer.token);
    const doc = new Y.Doc();
    const rows: Parameters<UpdateLogRepository['append']>[0][number][] = [];
    doc.on('update', (update: Uint8Array) => rows.push({ sessionId: id, seq: rows.length + 1, userId: interviewer.userId, createdAt: new Date(), update }));
    for (let i = 0; i < 30_000; i++) doc.getMap('elements').set(`e${i % 40}`, i);
    await new UpdateLogRepository(app.database.db).append(rows);
    const first = startWorkerProcess();
    await interview.ok(id, 'end', interviewer.token);

    await eventually(async () => (await statusOf(id))?.status === 'processing', 15_000, 'the build to start');
    await first.stop('SIGKILL');
    const killedAt = Date.now();
    const killed = await statusOf(id);
    // Killed before it could finish: the test is only worth something if this holds.
    expect({ status: killed?.status, built: killed?.builtAt }).toEqual({ status: 'processing', built: null });

    // Restarted, the worker takes the job up again once its claim lapses (JOB_LOCK_MS); killed again mid-build.
    const second = startWorkerProcess();
    await eventually(async () => ((await queue.getJob(recordingJobId(id)))?.processedOn ?? 0) > killedAt, 15_000, 'the job to be taken up again');
    await eventually(async () => ((await statusOf(id))?.progress ?? 0) > 0, 15_000, 'the second build to make progress');
    await second.stop('SIGKILL');
    expect((await statusOf(id))?.status).toBe('processing');

    const third = startWorkerProcess();
    const ready = await untilReady(id, interviewer.token, 30_000, third);
    expect(ready.stats?.updates).toBe(30_000);
    expect((await app.database.db.select().from(recordingUpdates).where(eq(recordingUpdates.sessionId, id))).length).toBe(30_000);
    const state = await fetch(`${app.baseUrl}/api/sessions/${id}/recording/state?at=${ready.durationMs}`, { headers: { authorization: `Bearer ${interviewer.token}` } });
    const replayed = new Y.Doc();
    Y.applyUpdate(replayed, new Uint8Array(await state.arrayBuffer()));
    expect(replayed.getMap('elements').toJSON()).toEqual(doc.getMap('elements').toJSON());
  }, 60_000);

  it('V1: with Redis flushed after the end, the worker’s sweep still builds it: at its start, and on its timer', async () => {
    // No worker: the job waits in Redis, and Redis loses it. A worker whose timer is far off starts.
    const atStart = await endedSession();
    await deleteRedisKeys(TEST_REDIS_URL, prefix);
    expect((await statusOf(atStart.id))?.status).toBe('queued');
    const slow = startWorkerProcess({ RECORDING_SWEEP_MS: '600000' });
    await untilReady(atStart.id, atStart.token, 15_000, slow);
    await slow.stop('SIGKILL');

    // A worker running (its start-up sweep done), then a request whose job Redis lost: the timer's sweep finds it.
    const worker = startWorkerProcess({ LOG_LEVEL: 'info' });
    await eventually(() => worker.output().includes('Mockboard worker is processing background jobs'), 15_000, 'the worker to start');
    await app.database.db.update(recordings).set({ status: 'queued', progress: 0, builtAt: null }).where(eq(recordings.sessionId, atStart.id));
    await deleteRedisKeys(TEST_REDIS_URL, prefix);
    const rebuilt = await untilReady(atStart.id, atStart.token, 15_000, worker);
    expect(rebuilt.status).toBe('ready');
    expect((await statusOf(atStart.id))?.builtAt).not.toBeNull();
  });

  it('V8: `npm start`’s api runs the worker embedded by default: an ended session’s recording becomes ready', async () => {
    const port = String(await freePort());
    const api = spawnApi({
      PORT: port,
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${prefix}-embedded`,
      SESSION_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    });
    try {
      await waitForHealthy(api);
      const guest = await requestJson<AuthResponse>(api.baseUrl, '/api/auth/guest', { body: { displayName: 'Embedded' } });
      const session = await requestJson<SessionView>(api.baseUrl, '/api/sessions', { token: guest.body.token, body: { problemSlug: 'video-recommendation' } });
      const at = (path: string) => `/api/sessions/${session.body.id}/${path}`;
      for (const action of ['start', 'end']) expect((await requestJson(api.baseUrl, at(action), { method: 'POST', token: guest.body.token })).status).toBe(200);
      let last: RecordingView | undefined;
      await eventually(
        async () => (last = (await requestJson<RecordingView>(api.baseUrl, at('recording'), { token: guest.body.token })).body).status === 'ready',
        15_000,
        'the embedded worker to build it',
      ).catch((error: unknown) => {
        throw new Error(`${String(error)} (last: ${JSON.stringify(last)})\n${api.output()}`);
      });
    } finally {
      await api.stop();
    }
  }, 60_000);
});
