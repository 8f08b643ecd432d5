import { UpdateLogRepository } from '@mockboard/collab';
import { docUpdates, recordingKeyframes, recordings, recordingUpdates, sessionEvents, type Db } from '@mockboard/db';
import { recordingJobId, RecordingJobs, RECORDINGS_QUEUE } from '@mockboard/jobs';
import { decodeRecordedUpdates, type ApiErrorBody, type RecordingView } from '@mockboard/protocol';
import { seededRandom } from '@mockboard/testing';
import { Queue } from 'bullmq';
import { and, asc, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import * as Y from 'yjs';
import { requestJson } from '../../../../../tests/support/http';
import { interviewApi, interviewCast, interviewClient, sleep, type InterviewCast, type InterviewClient } from '../../../../../tests/support/interview-clients';
import { connectedProvider, eventually } from '../../../../../tests/support/room-clients';
import { completeDraft, scoringApi } from '../../../../../tests/support/scoring-clients';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';
import { TEST_REDIS_URL } from '../../../../../tests/support/test-run';
import type { RoomProvider } from '@mockboard/room-client';
import { startWorker, type RunningWorker } from '../../../../worker/src/worker';

/** A binary route's answer: the bytes when 200, the error body when JSON. */
interface BinaryResponse {
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  body?: ApiErrorBody;
}

function recordingApi(baseUrl: string) {
  const at = (id: string, tail = '') => `/api/sessions/${id}/recording${tail}`;
  const binary = async (path: string, token: string | undefined): Promise<BinaryResponse> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const contentType = response.headers.get('content-type');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const body = contentType?.startsWith('application/json') ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as ApiErrorBody) : undefined;
    return { status: response.status, contentType, bytes, body };
  };
  return {
    view: (id: string, token: string | undefined) => requestJson<RecordingView & Partial<ApiErrorBody>>(baseUrl, at(id), { token }),
    retry: (id: string, token: string | undefined) => requestJson<RecordingView & Partial<ApiErrorBody>>(baseUrl, at(id, '/retry'), { method: 'POST', token }),
    /** `query` is sent as written, so that malformed ones reach the server. */
    state: (id: string, token: string | undefined, query: string) => binary(`${at(id, '/state')}?${query}`, token),
    updates: (id: string, token: string | undefined, query: string) => binary(`${at(id, '/updates')}?${query}`, token),
  };
}

/** What a document holds, for comparing two built differently (one update merged vs. many applied). */
function contentOf(doc: Y.Doc) {
  return {
    elements: doc.getMap('elements').toJSON(),
    notes: doc.getMap('notes').toJSON(),
    stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b),
  };
}

function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** The log as stored, each row with its session time computed here: since `started`, clamped to the session. */
async function logWithTimes(db: Db, sessionId: string, startedAt: number, durationMs: number) {
  const rows = await db.select().from(docUpdates).where(eq(docUpdates.sessionId, sessionId)).orderBy(asc(docUpdates.seq));
  return rows.map((row) => ({ ...row, atMs: Math.min(durationMs, Math.max(0, row.createdAt.getTime() - startedAt)) }));
}

async function startedAtOf(db: Db, sessionId: string): Promise<number> {
  const [started] = await db
    .select({ at: sessionEvents.at })
    .from(sessionEvents)
    .where(and(eq(sessionEvents.sessionId, sessionId), eq(sessionEvents.type, 'started')));
  if (!started) throw new Error('the session never started');
  return started.at.getTime();
}

/** Appends a timeline row as a feature would, bypassing every check: for corrupt rows. */
async function appendRawEvent(db: Db, sessionId: string, userId: string, type: string, payload: Record<string, unknown>): Promise<number> {
  const [row] = await db
    .insert(sessionEvents)
    .values({
      sessionId,
      seq: sql`(select coalesce(max(${sessionEvents.seq}), 0) + 1 from ${sessionEvents} where ${sessionEvents.sessionId} = ${sessionId})`,
      at: new Date(),
      userId,
      type,
      payload,
      visibility: 'all',
    })
    .returning({ seq: sessionEvents.seq });
  return row?.seq ?? -1;
}

const statusesPushed = (client: InterviewClient): RecordingView[] =>
  client.events.filter((e) => e.event === 'recording:status').map((e) => e.args[0] as RecordingView);

describe('recordings (rules V1-V7)', () => {
  let app: TestApp;
  let api: ReturnType<typeof recordingApi>;
  let interview: ReturnType<typeof interviewApi>;
  let scoring: ReturnType<typeof scoringApi>;
  let queue: Queue;
  let worker: RunningWorker | undefined;
  const clients: InterviewClient[] = [];
  const providers: RoomProvider[] = [];

  /** The worker of the api's process, started with `startWorker` as `main.ts` does; stopped to hold jobs back. */
  const workerRunning = async (): Promise<RunningWorker> => (worker ??= await startWorker(app.config, app.database, pino({ level: 'silent' })));
  const workerStopped = async (): Promise<void> => {
    await worker?.close();
    worker = undefined;
  };

  beforeAll(async () => {
    app = await startTestApp({
      ROOM_CONTROLS_BURST: '10000',
      ROOM_CHAT_BURST: '10000',
      SESSIONS_PER_HOUR: '10000',
      RECORDING_ATTEMPTS: '2',
      RECORDING_BACKOFF_MS: '50',
      RECORDING_SWEEP_MS: '600000',
      // These tests seek hundreds of times a second; the budget has its own test below, on its own server.
      RECORDING_READS_PER_SECOND: '100000',
    });
    api = recordingApi(app.baseUrl);
    interview = interviewApi(app.baseUrl);
    scoring = scoringApi(app.baseUrl);
    queue = new Queue(RECORDINGS_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: app.config.redis.prefix });
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
    providers.splice(0).forEach((p) => p.destroy());
  });
  afterAll(async () => {
    await workerStopped();
    await queue.close();
    await app.close();
  });

  const viewOk = async (id: string, token: string): Promise<RecordingView> => {
    const response = await api.view(id, token);
    if (response.status !== 200) throw new Error(`GET recording answered ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const until = async (id: string, token: string, status: RecordingView['status'], timeoutMs = 15_000): Promise<RecordingView> => {
    let last: RecordingView | undefined;
    await eventually(async () => (last = await viewOk(id, token)).status === status, timeoutMs, `the recording ${status} (last: ${last?.status} ${last?.error ?? ''})`);
    return last as RecordingView;
  };
  const builtAtOf = async (id: string): Promise<Date | null | undefined> =>
    (await app.database.db.select({ builtAt: recordings.builtAt }).from(recordings).where(eq(recordings.sessionId, id)))[0]?.builtAt;

  it('V1-V7: a scripted session ends; its recording is queued at once, built by the worker with progress pushed, and replays the log at every moment', async () => {
    await workerStopped();
    const cast = await interviewCast(app.baseUrl);
    const { session, interviewer, candidate, observer } = cast;
    const id = session.id;
    // V3: no recording before the end, whatever the route; that is said before anything about the query.
    expect((await api.view(id, interviewer.token)).status).toBe(404);
    for (const query of ['at=0', 'at=abc']) expect({ query, status: (await api.state(id, observer.token, query)).status }).toEqual({ query, status: 404 });
    for (const query of ['from=0&to=0', 'from=5&to=1']) expect({ query, status: (await api.updates(id, observer.token, query)).status }).toEqual({ query, status: 404 });
    expect((await api.retry(id, interviewer.token)).status).toBe(404);
    const lead = await connectedProvider(app.baseUrl, id, interviewer.token, { track: providers });
    const cand = await connectedProvider(app.baseUrl, id, candidate.token, { track: providers });
    const candSocket = await interviewClient(app.baseUrl, id, candidate.token, { track: clients });
    const observerSocket = await interviewClient(app.baseUrl, id, observer.token, { track: clients });
    const edit = async (provider: RoomProvider, change: (doc: Y.Doc) => void) => {
      change(provider.doc);
      await provider.whenAcked();
      await sleep(15);
    };
    const elements = (doc: Y.Doc) => doc.getMap<unknown>('elements');

    // Before the start: the candidate sketches (session time 0).
    await edit(cand, (doc) => elements(doc).set('client', { type: 'rectangle', label: 'Client', version: 1 }));
    await interview.ok(id, 'start', interviewer.token);
    const live = await api.view(id, candidate.token);
    expect({ status: live.status, code: live.body.error?.code }).toEqual({ status: 404, code: 'not_found' });
    await sleep(30);
    await edit(lead, (doc) => elements(doc).set('api', { type: 'rectangle', label: 'API', version: 1 }));
    expect((await candSocket.chat({ text: 'Shall I start with the users?' })).ok).toBe(true);
    await edit(cand, (doc) => elements(doc).set('client', { type: 'rectangle', label: 'Client app', version: 2 }));
    await interview.ok(id, 'step', interviewer.token, { step: 'framing' });
    await edit(cand, (doc) => doc.getMap<Y.Text>('notes').set('framing', new Y.Text('Ranking problem.')));
    await interview.ok(id, 'reveal', interviewer.token, { clarificationId: 'scale' });
    expect((await scoring.addNote(id, interviewer.token, { text: 'Framed it as ranking quickly' })).status).toBe(201);
    await edit(cand, (doc) => (doc.getMap<Y.Text>('notes').get('framing') as Y.Text).insert(0, 'Two-stage. '));
    await interview.ok(id, 'pause', interviewer.token);
    await edit(lead, (doc) => elements(doc).set('cache', { type: 'ellipse', label: 'Cache', version: 1 }));
    await interview.ok(id, 'resume', interviewer.token);
    await interview.ok(id, 'step', interviewer.token, { step: 'data' });
    await edit(cand, (doc) => elements(doc).delete('cache'));
    await edit(lead, (doc) => elements(doc).set('db', { type: 'rectangle', label: 'Events DB', version: 1 }));
    const ended = await interview.ok(id, 'end', interviewer.token);

    // V1, V3: the request was written with the end, so the answer is `queued` at once, never 404.
    const queued = await api.view(id, interviewer.token);
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ sessionId: id, status: 'queued', progress: 0, canRetry: false });
    // A second end is a conflict and asks for nothing more.
    expect((await interview.command(id, 'end', interviewer.token)).status).toBe(409);
    // Nothing to seek, and nothing to retry, before it is built.
    expect((await api.state(id, interviewer.token, 'at=0')).status).toBe(409);
    expect((await api.updates(id, interviewer.token, 'from=0&to=0')).status).toBe(409);
    // A bad query is still told as such (400 comes before 409).
    expect((await api.state(id, interviewer.token, 'at=soon')).status).toBe(400);
    expect((await api.retry(id, interviewer.token)).status).toBe(409);
    // V1: the api enqueues it under its deterministic id once the room's accepted edits are in the log.
    let state = await queue.getJobState(recordingJobId(id));
    for (const deadline = Date.now() + 5_000; state === 'unknown' && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = await queue.getJobState(recordingJobId(id));
    }
    expect(state).toBe('waiting');

    // V2: the worker builds it.
    await workerRunning();
    const ready = await until(id, interviewer.token, 'ready');
    const startedAt = await startedAtOf(app.database.db, id);
    expect(ready).toMatchObject({
      progress: 100,
      durationMs: (ended.endedAt ?? 0) - (ended.startedAt ?? 0),
      startedAt: new Date(startedAt).toISOString(),
      canRetry: false,
    });
    expect(ready.durationMs).toBeGreaterThan(100);
    expect(ready.steps.map((s) => s.step)).toEqual(['requirements', 'framing', 'data']);
    expect(ready.steps[0]?.startMs).toBe(0);
    expect(ready.steps.at(-1)?.endMs).toBe(ready.durationMs);
    for (let i = 1; i < ready.steps.length; i++) expect(ready.steps[i]?.startMs).toBe(ready.steps[i - 1]?.endMs);
    expect(ready.markers.map((m) => m.type)).toEqual(['chat', 'clarification', 'rubric_note']);
    expect(ready.markers[0]).toMatchObject({ type: 'chat', userId: candidate.userId, text: 'Shall I start with the users?', displayName: 'Cole' });
    expect(ready.markers[1]).toMatchObject({ type: 'clarification', clarificationId: 'scale' });
    expect(ready.markers[2]).toMatchObject({ type: 'rubric_note', step: 'framing', text: 'Framed it as ranking quickly' });
    expect(ready.participants).toEqual(
      expect.arrayContaining([
        { userId: interviewer.userId, displayName: 'Iris', role: 'interviewer', clientIds: [lead.doc.clientID] },
        { userId: candidate.userId, displayName: 'Cole', role: 'candidate', clientIds: [cand.doc.clientID] },
      ]),
    );
    const stats = ready.stats;
    expect(stats?.pauses).toHaveLength(1);
    expect(stats?.participants).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: interviewer.userId, elementsCreated: 3 }), expect.objectContaining({ userId: candidate.userId, elementsCreated: 1 })]),
    );

    // V7: the sockets heard the build move on, progress never going down, ending `ready`.
    await eventually(() => statusesPushed(observerSocket).at(-1)?.status === 'ready', 5_000, 'the observer to hear ready');
    await eventually(() => statusesPushed(candSocket).at(-1)?.status === 'ready', 5_000, 'the candidate to hear ready');
    for (const pushed of [statusesPushed(observerSocket), statusesPushed(candSocket)]) {
      const progress = pushed.map((p) => p.progress);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(new Set(progress).size).toBeGreaterThanOrEqual(3);
      expect(pushed.at(-1)).toMatchObject({ status: 'ready', progress: 100 });
      // V4: neither hears of the rubric note (the scorecard is not released).
      expect(pushed.flatMap((p) => p.markers.map((m) => m.type))).not.toContain('rubric_note');
    }

    // The index is the log, each row at its time since `started`, clamped to the session.
    const log = await logWithTimes(app.database.db, id, startedAt, ready.durationMs);
    expect(log.length).toBeGreaterThanOrEqual(8);
    expect(log[0]?.atMs).toBe(0);
    const index = await app.database.db.select().from(recordingUpdates).where(eq(recordingUpdates.sessionId, id)).orderBy(asc(recordingUpdates.seq));
    expect(index.map((u) => ({ seq: u.seq, atMs: u.atMs }))).toEqual(log.map((r) => ({ seq: r.seq, atMs: r.atMs })));
    expect(stats?.updates).toBe(log.length);

    // V5: the document at every update's moment, a millisecond either side, the start and the end.
    const moments = new Set<number>([0, ready.durationMs]);
    for (const row of log) for (const m of [row.atMs - 1, row.atMs, row.atMs + 1]) if (m >= 0 && m <= ready.durationMs) moments.add(m);
    for (const moment of [...moments].sort((a, b) => a - b)) {
      const response = await api.state(id, observer.token, `at=${moment}`);
      expect({ moment, status: response.status, contentType: response.contentType }).toEqual({ moment, status: 200, contentType: 'application/octet-stream' });
      const expected = docOf(log.filter((r) => r.atMs <= moment).map((r) => r.update));
      expect({ moment, content: contentOf(docOf([response.bytes])) }).toEqual({ moment, content: contentOf(expected) });
    }
    // Scrubbing: before the API box was drawn there is only the client, after it both.
    const apiDrawnAt = log.find((r) => r.userId === interviewer.userId)?.atMs ?? -1;
    expect(Object.keys(docOf([(await api.state(id, candidate.token, `at=${apiDrawnAt - 1}`)).bytes]).getMap('elements').toJSON())).toEqual(['client']);
    expect(Object.keys(docOf([(await api.state(id, candidate.token, `at=${apiDrawnAt}`)).bytes]).getMap('elements').toJSON()).sort()).toEqual(['api', 'client']);
    // The end state is the board as the participants left it.
    expect(contentOf(docOf([(await api.state(id, candidate.token, `at=${ready.durationMs}`)).bytes])).elements).toEqual(lead.doc.getMap('elements').toJSON());

    // V6: the updates in a window are exactly the index rows in it, with their times, in order.
    const times = log.map((r) => r.atMs);
    const windows: Array<[number, number]> = [
      [0, ready.durationMs],
      [0, 0],
      [ready.durationMs, ready.durationMs],
      [times[3] ?? 0, times[3] ?? 0],
      [(times[2] ?? 0) + 1, times[6] ?? 0],
      [times[1] ?? 0, (times[5] ?? 1) - 1],
    ];
    for (const [from, to] of windows) {
      const response = await api.updates(id, observer.token, `from=${from}&to=${to}`);
      expect({ from, to, status: response.status, contentType: response.contentType }).toEqual({ from, to, status: 200, contentType: 'application/octet-stream' });
      const expected = log.filter((r) => r.atMs >= from && r.atMs <= to).map((r) => ({ atMs: r.atMs, update: Uint8Array.from(r.update) }));
      expect({ from, to, updates: decodeRecordedUpdates(response.bytes).map((u) => ({ atMs: u.atMs, update: Uint8Array.from(u.update) })) }).toEqual({ from, to, updates: expected });
    }
  });

  it('V1: ending twice, enqueueing again, sweeping again and a job run a second time all build it once', async () => {
    await workerRunning();
    const { session, interviewer } = await interviewCast(app.baseUrl);
    const id = session.id;
    const lead = await connectedProvider(app.baseUrl, id, interviewer.token, { track: providers });
    await interview.ok(id, 'start', interviewer.token);
    lead.doc.getMap('elements').set('only', { version: 1 });
    await lead.whenAcked();
    await interview.ok(id, 'end', interviewer.token);
    expect((await interview.command(id, 'end', interviewer.token)).status).toBe(409);
    await until(id, interviewer.token, 'ready');
    const builtAt = await builtAtOf(id);
    expect(builtAt).toBeInstanceOf(Date);
    expect(await queue.getJobState(recordingJobId(id))).toBe('completed');

    // The same id again (as the api and the sweep would): BullMQ keeps the finished job, so nothing runs.
    const jobs = new RecordingJobs({ connection: { url: TEST_REDIS_URL }, prefix: app.config.redis.prefix, attempts: 2, backoffMs: 50, onError: (error) => { throw error; } });
    try {
      await jobs.enqueue(id);
      await jobs.enqueue(id);
      await (await workerRunning()).recordings.sweep();
      expect((await queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed'])).filter((j) => j.id === recordingJobId(id))).toHaveLength(1);
      // And were the finished job gone (its day of keeping over), a second run finds the recording built.
      await (await queue.getJob(recordingJobId(id)))?.remove();
      await jobs.enqueue(id);
      await eventually(async () => (await queue.getJobState(recordingJobId(id))) === 'completed', 10_000, 'the second job to finish');
      expect((await queue.getJob(recordingJobId(id)))?.returnvalue).toEqual({ skipped: 'already built' });
    } finally {
      await jobs.close();
    }
    expect(await builtAtOf(id)).toEqual(builtAt);
    expect((await app.database.db.select().from(recordingUpdates).where(eq(recordingUpdates.sessionId, id))).length).toBe(1);
  });

  it('V2: a build that keeps failing ends `failed` with its reason and Retry for the interviewer only; once repaired, Retry rebuilds it', async () => {
    const { session, interviewer, candidate, observer, stranger } = await interviewCast(app.baseUrl);
    const id = session.id;
    const lead = await connectedProvider(app.baseUrl, id, interviewer.token, { track: providers });
    const leadSocket = await interviewClient(app.baseUrl, id, interviewer.token, { track: clients });
    const candSocket = await interviewClient(app.baseUrl, id, candidate.token, { track: clients });
    await interview.ok(id, 'start', interviewer.token);
    lead.doc.getMap('elements').set('box', { version: 1 });
    await lead.whenAcked();
    // The worker is held back while a corrupt timeline row is written: a step change naming no step.
    await workerStopped();
    await interview.ok(id, 'end', interviewer.token);
    const corrupt = await appendRawEvent(app.database.db, id, interviewer.userId, 'step_changed', { from: 'requirements', to: 'astrology' });
    await workerRunning();

    const failed = await until(id, interviewer.token, 'failed');
    expect(failed).toMatchObject({ status: 'failed', canRetry: true, error: expect.stringContaining(`timeline event ${corrupt} names an unknown step`) });
    // Tried RECORDING_ATTEMPTS times before giving up.
    const job = await queue.getJob(recordingJobId(id));
    expect({ state: await job?.getState(), attemptsMade: job?.attemptsMade, reason: job?.failedReason }).toEqual({
      state: 'failed',
      attemptsMade: 2,
      reason: `timeline event ${corrupt} names an unknown step`,
    });
    for (const person of [candidate, observer]) expect(await viewOk(id, person.token)).toMatchObject({ status: 'failed', canRetry: false, error: failed.error });
    // V7: the failure was pushed, Retry offered to the interviewer's socket only.
    await eventually(() => statusesPushed(leadSocket).at(-1)?.status === 'failed', 5_000, 'the interviewer to hear failed');
    await eventually(() => statusesPushed(candSocket).at(-1)?.status === 'failed', 5_000, 'the candidate to hear failed');
    expect(statusesPushed(leadSocket).at(-1)?.canRetry).toBe(true);
    expect(statusesPushed(candSocket).at(-1)?.canRetry).toBe(false);
    expect((await api.state(id, interviewer.token, 'at=0')).body?.error).toEqual({ code: 'conflict', message: 'The recording is not ready (it is failed)' });

    // Retry is the interviewer's.
    for (const [person, status] of [
      [candidate, 403],
      [observer, 403],
      [stranger, 403],
      [undefined, 401],
    ] as const) {
      expect((await api.retry(id, person?.token)).status).toBe(status);
    }
    expect((await viewOk(id, interviewer.token)).status).toBe('failed');

    await app.database.db
      .update(sessionEvents)
      .set({ payload: { from: 'requirements', to: 'framing' } })
      .where(and(eq(sessionEvents.sessionId, id), eq(sessionEvents.seq, corrupt)));
    const retried = await api.retry(id, interviewer.token);
    expect(retried.status).toBe(202);
    expect(retried.body.canRetry).toBe(false);
    expect(['queued', 'processing', 'ready']).toContain(retried.body.status);
    expect(retried.body.error).toBeUndefined();
    const ready = await until(id, interviewer.token, 'ready');
    // The repaired change came after the end: it leaves no segment of its own.
    expect(ready.steps).toEqual([{ step: 'requirements', startMs: 0, endMs: ready.durationMs }]);
    expect(ready.stats?.updates).toBe(1);
    // Once built, there is nothing to retry.
    expect((await api.retry(id, interviewer.token)).status).toBe(409);
    await eventually(() => statusesPushed(candSocket).at(-1)?.status === 'ready', 5_000, 'the candidate to hear ready after the retry');
  });

  it('V4: rubric-note markers, those written after the build included: the interviewer sees them, the candidate only once the scorecard is released, the observer never; strangers 403, signed out 401', async () => {
    await workerRunning();
    const cast: InterviewCast = await interviewCast(app.baseUrl);
    const { session, interviewer, candidate, observer, stranger } = cast;
    const id = session.id;
    await interview.ok(id, 'start', interviewer.token);
    expect((await scoring.saveDraft(id, interviewer.token, completeDraft())).status).toBe(200);
    expect((await scoring.addNote(id, interviewer.token, { text: 'Asked about scale first' })).status).toBe(201);
    const chat = await interviewClient(app.baseUrl, id, candidate.token, { track: clients });
    expect((await chat.chat({ text: 'Done with requirements' })).ok).toBe(true);
    await interview.ok(id, 'end', interviewer.token);
    await until(id, interviewer.token, 'ready');

    const typesFor = async (token: string) => (await viewOk(id, token)).markers.map((m) => m.type);
    expect(await typesFor(interviewer.token)).toEqual(['rubric_note', 'chat']);
    expect(await typesFor(candidate.token)).toEqual(['chat']);
    expect(await typesFor(observer.token)).toEqual(['chat']);

    // A note and a chat message written after the build (the debrief) are markers too, at the recording's end.
    expect((await scoring.addNote(id, interviewer.token, { text: 'Debrief: strong on metrics' })).status).toBe(201);
    expect((await chat.chat({ text: 'Thanks!' })).ok).toBe(true);
    const afterwards = await viewOk(id, interviewer.token);
    expect(afterwards.markers.map((m) => m.type)).toEqual(['rubric_note', 'chat', 'rubric_note', 'chat']);
    expect(afterwards.markers.slice(2).map((m) => m.atMs)).toEqual([afterwards.durationMs, afterwards.durationMs]);
    expect(await typesFor(observer.token)).toEqual(['chat', 'chat']);

    expect((await scoring.submit(id, interviewer.token)).status).toBe(200);
    expect(await typesFor(candidate.token)).toEqual(['chat', 'chat']);
    expect((await scoring.release(id, interviewer.token)).status).toBe(200);
    expect(await typesFor(candidate.token)).toEqual(['rubric_note', 'chat', 'rubric_note', 'chat']);
    expect(await typesFor(observer.token)).toEqual(['chat', 'chat']);

    // Everyone outside the session, on every route.
    const routes = [
      () => api.view(id, stranger.token).then((r) => ({ status: r.status, code: r.body.error?.code })),
      () => api.state(id, stranger.token, 'at=0').then((r) => ({ status: r.status, code: r.body?.error.code })),
      () => api.updates(id, stranger.token, 'from=0&to=0').then((r) => ({ status: r.status, code: r.body?.error.code })),
      () => api.retry(id, stranger.token).then((r) => ({ status: r.status, code: r.body.error?.code })),
    ];
    for (const route of routes) expect(await route()).toEqual({ status: 403, code: 'forbidden' });
    expect((await api.view(id, undefined)).status).toBe(401);
    expect((await api.state(id, undefined, 'at=0')).status).toBe(401);
    expect((await api.updates(id, undefined, 'from=0&to=0')).status).toBe(401);
    expect((await api.retry(id, undefined)).status).toBe(401);
    // Participants may all watch.
    for (const person of [interviewer, candidate, observer]) expect((await api.state(id, person.token, 'at=0')).status).toBe(200);
  });

  it('V5: with keyframes (1 200 updates over 90 s of session time) state?at= is the log replayed to that moment, read from the latest keyframe', async () => {
    await workerRunning();
    const { session, interviewer, candidate } = await interviewCast(app.baseUrl);
    const id = session.id;
    await interview.ok(id, 'start', interviewer.token);
    // The session started 90 s ago; its log was written across them (as a room would, in seq order).
    const startedAt = Date.now() - 90_000;
    await app.database.db.update(sessionEvents).set({ at: new Date(startedAt) }).where(and(eq(sessionEvents.sessionId, id), eq(sessionEvents.type, 'started')));
    const docs = [new Y.Doc(), new Y.Doc()];
    const rows: Array<{ sessionId: string; seq: number; userId: string; createdAt: Date; update: Uint8Array }> = [];
    for (let i = 0; i < 1_200; i++) {
      const who = i % 3 === 0 ? 1 : 0;
      const doc = docs[who] as Y.Doc;
      const before = Y.encodeStateVector(doc);
      if (i % 10 === 9) doc.getMap('elements').delete(`e${i - 5}`);
      else doc.getMap('elements').set(`e${i}`, { version: i });
      const update = Y.encodeStateAsUpdate(doc, before);
      Y.applyUpdate(docs[1 - who] as Y.Doc, update);
      rows.push({ sessionId: id, seq: i + 1, userId: who ? candidate.userId : interviewer.userId, createdAt: new Date(startedAt + 1_000 + i * 70), update });
    }
    await new UpdateLogRepository(app.database.db).append(rows);
    await interview.ok(id, 'end', interviewer.token);
    const ready = await until(id, interviewer.token, 'ready');
    expect(ready.stats).toMatchObject({ updates: 1_200 });

    // Every KEYFRAME_EVERY_UPDATES updates or KEYFRAME_EVERY_MS of session time, whichever comes first.
    const keyframes = await app.database.db.select().from(recordingKeyframes).where(eq(recordingKeyframes.sessionId, id)).orderBy(asc(recordingKeyframes.seq));
    expect(keyframes.length).toBeGreaterThanOrEqual(2);
    expect(ready.stats?.keyframes).toBe(keyframes.length);
    const log = await logWithTimes(app.database.db, id, startedAt, ready.durationMs);
    for (const keyframe of keyframes) {
      expect(contentOf(docOf([keyframe.state]))).toEqual(contentOf(docOf(log.filter((r) => r.seq <= keyframe.seq).map((r) => r.update))));
    }

    const random = seededRandom();
    const moments = [0, 1_000, ready.durationMs, ...keyframes.flatMap((k) => [k.atMs - 1, k.atMs, k.atMs + 1]), ...Array.from({ length: 25 }, () => random.int(ready.durationMs + 1))];
    for (const moment of moments) {
      const response = await api.state(id, candidate.token, `at=${moment}`);
      const expected = docOf(log.filter((r) => r.atMs <= moment).map((r) => r.update));
      expect({ seed: random.seed, moment, content: contentOf(docOf([response.bytes])) }).toEqual({ seed: random.seed, moment, content: contentOf(expected) });
    }

    // Read from a keyframe, not replayed from the start: a log row the first keyframe holds is no longer
    // needed after it. (The row is dropped here only to show that; the log is never edited.)
    const first = keyframes[0];
    if (!first) throw new Error('no keyframe');
    await app.database.db.delete(docUpdates).where(and(eq(docUpdates.sessionId, id), eq(docUpdates.seq, 1)));
    const after = docOf([(await api.state(id, candidate.token, `at=${first.atMs}`)).bytes]);
    expect(after.getMap('elements').has('e0')).toBe(true);
    expect(contentOf(after)).toEqual(contentOf(docOf(log.filter((r) => r.atMs <= first.atMs).map((r) => r.update))));
  });

  describe('V5, V6: bad moments and windows', () => {
    let id: string;
    let token: string;
    let durationMs: number;

    beforeAll(async () => {
      await workerRunning();
      const cast = await interviewCast(app.baseUrl);
      id = cast.session.id;
      token = cast.candidate.token;
      const lead = await connectedProvider(app.baseUrl, id, cast.interviewer.token, { track: providers });
      await interview.ok(id, 'start', cast.interviewer.token);
      lead.doc.getMap('elements').set('one', { version: 1 });
      await lead.whenAcked();
      await sleep(30);
      await interview.ok(id, 'end', cast.interviewer.token);
      durationMs = (await until(id, token, 'ready')).durationMs;
      expect(durationMs).toBeGreaterThan(0);
    });

    const badStates = (d: number): Array<[string, RegExp]> => [
      ['', /^at: must be given once, as a whole number of milliseconds$/],
      ['at=1&at=2', /^at: must be given once/],
      ['at=', /^at: must be a whole number of milliseconds$/],
      ['at=abc', /^at: must be a whole number/],
      ['at=-1', /^at: must be a whole number/],
      ['at=1.5', /^at: must be a whole number/],
      ['at=1e3', /^at: must be a whole number/],
      ['at=%20', /^at: must be a whole number/],
      ['at=0x10', /^at: must be a whole number/],
      ['at=99999999999', /^at: must be a whole number/],
      [`at=${d + 1}`, new RegExp(`^at must be between 0 and ${d}`)],
      ['at=9999999999', new RegExp(`^at must be between 0 and ${d}`)],
    ];
    const badWindows = (d: number): Array<[string, RegExp]> => [
      ['', /^from: must be given once, as a whole number of milliseconds; to: must be given once/],
      ['from=0', /^to: must be given once/],
      ['to=0&from=1&from=1', /^from: must be given once/],
      ['from=-1&to=0', /^from: must be a whole number/],
      ['from=0&to=x', /^to: must be a whole number/],
      ['from=2&to=1', /^from: must not be after to$/],
      [`from=0&to=${d + 1}`, new RegExp(`^to must be between 0 and ${d}`)],
      [`from=${d + 1}&to=${d + 2}`, new RegExp(`^to must be between 0 and ${d}`)],
      ['from=0.5&to=1', /^from: must be a whole number/],
    ];

    it('V5: `at` not a whole number, negative, or above durationMs is 400 with a message saying why', async () => {
      for (const [query, message] of badStates(durationMs)) {
        const response = await api.state(id, token, query);
        expect({ query, status: response.status, code: response.body?.error.code }).toEqual({ query, status: 400, code: 'invalid_body' });
        expect({ query, message: response.body?.error.message }).toEqual({ query, message: expect.stringMatching(message) });
      }
      for (const at of [0, durationMs]) expect((await api.state(id, token, `at=${at}`)).status).toBe(200);
    });

    it('V6: `from`/`to` not whole numbers, negative, from after to, or to above durationMs is 400 with a message saying why', async () => {
      for (const [query, message] of badWindows(durationMs)) {
        const response = await api.updates(id, token, query);
        expect({ query, status: response.status, code: response.body?.error.code }).toEqual({ query, status: 400, code: 'invalid_body' });
        expect({ query, message: response.body?.error.message }).toEqual({ query, message: expect.stringMatching(message) });
      }
      const whole = await api.updates(id, token, `from=0&to=${durationMs}`);
      expect(decodeRecordedUpdates(whole.bytes)).toHaveLength(1);
    });

    it('V5, V6: a seeded fuzz of query strings: every answer is 200 or a JSON 4xx, never a 500 (FUZZ_SEED replays one)', async () => {
      const random = seededRandom();
      const values = [
        () => String(random.int(durationMs + 1)),
        () => String(durationMs),
        () => String(durationMs + 1 + random.int(10)),
        () => String(-random.int(100)),
        () => String(random.next() * 1e6),
        () => random.pick(['', ' ', 'NaN', 'Infinity', '-0', '+1', '1e400', '9'.repeat(40), '0x1f', '0b1', '00000000001', '١٢', '%00', '%zz', '%', '%E2%80%AE1', '[]', '{}', 'null']),
        () => encodeURIComponent(String.fromCodePoint(random.int(0xd800)) + String(random.int(10))),
      ];
      const keys = ['at', 'from', 'to', 'at[]', 'at[x]', 'from[0]', '__proto__', 'constructor', 'AT', 'at%00', ''];
      const tally: Record<string, number> = {};
      const part = () => `${random.pick(keys)}${random.chance(0.9) ? `=${random.pick(values)()}` : ''}`;
      for (let i = 0; i < 150; i++) {
        // Half start from a good query and spoil it a little; half are made up.
        const good = random.chance(0.5) ? [`at=${random.int(durationMs + 1)}`, `from=${random.int(durationMs + 1)}`, `to=${durationMs}`] : [];
        const parts = [...good.filter(() => random.chance(0.8)), ...Array.from({ length: random.int(good.length > 0 ? 2 : 4) }, part)];
        const query = parts.join(random.chance(0.9) ? '&' : ';');
        const route = random.chance(0.5) ? 'state' : 'updates';
        const response = await api[route](id, token, query);
        tally[`${route} ${response.status}`] = (tally[`${route} ${response.status}`] ?? 0) + 1;
        const fine = response.status === 200 ? response.contentType === 'application/octet-stream' : response.status >= 400 && response.status < 500 && typeof response.body?.error.message === 'string';
        if (!fine) throw new Error(`seed ${random.seed}, case ${i}: ${route}?${query} answered ${response.status} ${response.contentType} ${Buffer.from(response.bytes).toString('utf8').slice(0, 300)}`);
      }
      console.log(`recording query fuzz (seed ${random.seed}): ${JSON.stringify(tally)}`);
    });

    it('V5, V6: each user has a budget of reads (RECORDING_READS_PER_SECOND over two seconds): past it 429 rate_limited, others unaffected', async () => {
      const limited = await startTestApp({ RECORDING_READS_PER_SECOND: '5' });
      try {
        const limitedApi = recordingApi(limited.baseUrl);
        const cast = await interviewCast(limited.baseUrl);
        const limitedInterview = interviewApi(limited.baseUrl);
        await limitedInterview.ok(cast.session.id, 'start', cast.interviewer.token);
        await limitedInterview.ok(cast.session.id, 'end', cast.interviewer.token);
        const built = await startWorker(limited.config, limited.database, pino({ level: 'silent' }));
        try {
          await eventually(async () => (await limitedApi.view(cast.session.id, cast.candidate.token)).body.status === 'ready', 15_000, 'the recording built');
        } finally {
          await built.close();
        }
        // Ten reads in two seconds are allowed, whichever route; the eleventh is refused.
        const reads = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? limitedApi.state(cast.session.id, cast.candidate.token, 'at=0') : limitedApi.updates(cast.session.id, cast.candidate.token, 'from=0&to=0'))),
        );
        expect(reads.filter((r) => r.status === 200)).toHaveLength(10);
        const refused = reads.filter((r) => r.status !== 200);
        expect(refused.map((r) => [r.status, r.body?.error.code])).toEqual([
          [429, 'rate_limited'],
          [429, 'rate_limited'],
        ]);
        // Another participant's budget is their own.
        expect((await limitedApi.state(cast.session.id, cast.observer.token, 'at=0')).status).toBe(200);
      } finally {
        await limited.close();
      }
    });
  });
});
