import type { SessionListResponse, SessionState, SessionView, TimelineResponse } from '@mockboard/protocol';
import { requestJson } from '../../../../../tests/support/http';
import { interviewApi, interviewCast, interviewClient, sleep, type InterviewClient } from '../../../../../tests/support/interview-clients';
import { eventually } from '../../../../../tests/support/room-clients';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

/** What two readings of one state agree on: everything but the time they were taken at. */
function withoutNow(state: SessionState): Omit<SessionState, 'serverNow'> {
  const { serverNow: _serverNow, ...rest } = state;
  return rest;
}

const elapsedOf = (state: SessionState, step: string): number => state.steps.find((s) => s.step === step)?.elapsedMs ?? Number.NaN;

/** Rules I1-I3: the session's status, its clock, and `session:state` pushed to the room. */
describe('running the session', () => {
  let app: TestApp;
  let api: ReturnType<typeof interviewApi>;
  const clients: InterviewClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ROOM_CONTROLS_BURST: '10000' });
    api = interviewApi(app.baseUrl);
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(() => app.close());

  const timelineTypes = async (sessionId: string, token: string) =>
    (await api.read<TimelineResponse>(sessionId, 'timeline', token)).body.events.map((e) => (e.type === 'step_changed' ? `${e.type}:${String(e.payload['to'])}` : e.type));

  it('I2/I3: scheduled -> live -> paused -> live -> ended, each wrong command a 409 conflict, unknown steps and clarifications 400', async () => {
    const { session, interviewer } = await interviewCast(app.baseUrl);
    const id = session.id;
    const token = interviewer.token;
    const code = async (action: Parameters<typeof api.command>[1], body?: unknown) => {
      const response = await api.command(id, action, token, body);
      return response.status === 200 ? 200 : `${response.status} ${response.body?.error?.code}`;
    };

    const scheduled = (await api.read<SessionState>(id, 'state', token)).body;
    expect(scheduled).toMatchObject({ status: 'scheduled', paused: false, currentStep: null, startedAt: null, endedAt: null, version: 0, revealed: [] });
    expect(await code('step', { step: 'framing' })).toBe('409 conflict');
    expect(await code('pause')).toBe('409 conflict');
    expect(await code('resume')).toBe('409 conflict');

    const live = await api.ok(id, 'start', token);
    expect(live).toMatchObject({ status: 'live', paused: false, currentStep: 'requirements', startedAt: expect.any(Number), endedAt: null });
    expect(live.version).toBeGreaterThan(scheduled.version);
    expect(await code('start')).toBe('409 conflict');
    expect(await code('resume')).toBe('409 conflict');
    expect(await code('step', { step: 'deployment' })).toBe('400 invalid_body');
    expect(await code('step', { step: 'Framing' })).toBe('400 invalid_body');
    expect(await code('reveal', { clarificationId: 'no-such-thing' })).toBe('400 invalid_body');

    expect((await api.ok(id, 'step', token, { step: 'framing' })).currentStep).toBe('framing');
    // Any step, not only the next one: forward and back.
    expect((await api.ok(id, 'step', token, { step: 'serving' })).currentStep).toBe('serving');
    expect((await api.ok(id, 'step', token, { step: 'data' })).currentStep).toBe('data');
    const pausedState = await api.ok(id, 'pause', token);
    expect(pausedState).toMatchObject({ status: 'live', paused: true, currentStep: 'data' });
    expect(await code('pause')).toBe('409 conflict');
    expect(await code('start')).toBe('409 conflict');
    expect((await api.ok(id, 'resume', token)).paused).toBe(false);
    expect(await code('resume')).toBe('409 conflict');

    const revealed = await api.ok(id, 'reveal', token, { clarificationId: 'latency' });
    expect(revealed.revealed).toEqual([{ id: 'latency', question: expect.any(String), answer: expect.any(String) }]);
    // Revealing it again changes nothing.
    const again = await api.ok(id, 'reveal', token, { clarificationId: 'latency' });
    expect(again.version).toBe(revealed.version);

    const ended = await api.ok(id, 'end', token);
    expect(ended).toMatchObject({ status: 'ended', paused: false, currentStep: 'data', startedAt: live.startedAt, endedAt: expect.any(Number) });
    for (const [action, body] of [
      ['end', undefined],
      ['start', undefined],
      ['step', { step: 'model' }],
      ['pause', undefined],
      ['resume', undefined],
      ['reveal', { clarificationId: 'scale' }],
    ] as const) {
      expect({ action, result: await code(action, body) }).toEqual({ action, result: '409 conflict' });
    }
    // A bad body on an ended session is still a 400: the body is checked before the status.
    expect(await code('step', { step: 'deployment' })).toBe('400 invalid_body');
    expect(await code('reveal', { clarificationId: 'no-such-thing' })).toBe('400 invalid_body');
    expect((await api.read<SessionState>(id, 'state', token)).body.version).toBe(ended.version);

    expect(await timelineTypes(id, token)).toEqual([
      'started',
      'step_changed:framing',
      'step_changed:serving',
      'step_changed:data',
      'paused',
      'resumed',
      'clarification_revealed',
      'ended',
    ]);
  });

  it('I2: over the socket, an unknown step, action or clarification is invalid_message and a command that does not fit is conflict', async () => {
    const { session, interviewer } = await interviewCast(app.baseUrl);
    const tab = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    expect(await tab.control({ action: 'step', step: 'framing' })).toEqual({ ok: false, error: 'conflict' });
    expect(await tab.control({ action: 'start' })).toEqual({ ok: true });
    expect(await tab.control({ action: 'start' })).toEqual({ ok: false, error: 'conflict' });
    for (const payload of [
      { action: 'step', step: 'deployment' },
      { action: 'step' },
      { action: 'restart' },
      { action: 'reveal', clarificationId: 'no-such-thing' },
      { action: 'reveal', clarificationId: 'x'.repeat(101) },
      { step: 'framing' },
    ]) {
      expect({ payload, ack: await tab.control(payload) }).toEqual({ payload, ack: { ok: false, error: 'invalid_message' } });
    }
    expect(tab.socket.connected).toBe(true);
    expect(await tab.control({ action: 'end' })).toEqual({ ok: true });
    expect(await tab.control({ action: 'end' })).toEqual({ ok: false, error: 'conflict' });
  });

  it('I1/I2: ending a session that never started cancels it: ended, no start, no step, no time', async () => {
    const { session, interviewer, candidate } = await interviewCast(app.baseUrl);
    const ended = await api.ok(session.id, 'end', interviewer.token);
    expect(ended).toMatchObject({ status: 'ended', paused: false, currentStep: null, startedAt: null, endedAt: expect.any(Number) });
    expect(ended.steps.every((s) => s.elapsedMs === 0)).toBe(true);
    expect((await api.command(session.id, 'end', interviewer.token)).status).toBe(409);
    expect((await api.command(session.id, 'start', interviewer.token)).status).toBe(409);
    const timeline = (await api.read<TimelineResponse>(session.id, 'timeline', candidate.token)).body.events;
    expect(timeline).toEqual([{ seq: 1, at: ended.endedAt, atMs: null, type: 'ended', userId: interviewer.userId, payload: { cancelled: true } }]);
    const view = (await requestJson<SessionView>(app.baseUrl, `/api/sessions/${session.id}`, { token: candidate.token })).body;
    expect(view).toMatchObject({ status: 'ended', startedAt: null, endedAt: new Date(ended.endedAt ?? 0).toISOString() });
  });

  it('I1: elapsed time runs while live, stops while paused (a step changed while paused included), and runs again after the resume', async () => {
    const { session, interviewer, candidate } = await interviewCast(app.baseUrl);
    const id = session.id;
    const read = async () => (await api.read<SessionState>(id, 'state', candidate.token)).body;

    await api.ok(id, 'start', interviewer.token);
    await sleep(300);
    const running = await read();
    await sleep(50);
    const later = await read();
    expect(elapsedOf(later, 'requirements')).toBeGreaterThan(elapsedOf(running, 'requirements'));
    expect(later.serverNow).toBeGreaterThan(running.serverNow);

    const paused = await api.ok(id, 'pause', interviewer.token);
    const atPause = elapsedOf(paused, 'requirements');
    expect(atPause).toBeGreaterThanOrEqual(300);
    await sleep(300);
    const stillPaused = await read();
    expect(stillPaused.paused).toBe(true);
    expect(stillPaused.serverNow - paused.serverNow).toBeGreaterThanOrEqual(290);
    // Not a millisecond more: the clock is computed from the stored events, and a pause stops it.
    expect(stillPaused.steps).toEqual(paused.steps);

    // Moving to another step while paused makes it current without starting its clock.
    const moved = await api.ok(id, 'step', interviewer.token, { step: 'framing' });
    await sleep(300);
    const movedLater = await read();
    expect(movedLater).toMatchObject({ paused: true, currentStep: 'framing' });
    expect(movedLater.steps).toEqual(moved.steps);
    expect(elapsedOf(movedLater, 'framing')).toBe(0);
    expect(elapsedOf(movedLater, 'requirements')).toBe(atPause);

    await api.ok(id, 'resume', interviewer.token);
    await sleep(300);
    const resumed = await read();
    expect(resumed.paused).toBe(false);
    expect(elapsedOf(resumed, 'framing')).toBeGreaterThanOrEqual(300);
    expect(elapsedOf(resumed, 'requirements')).toBe(atPause);

    // The whole interview's time is the steps' time: the 600 ms of pause are in none of them.
    const ended = await api.ok(id, 'end', interviewer.token);
    const total = ended.steps.reduce((sum, s) => sum + s.elapsedMs, 0);
    expect(total).toBeLessThan((ended.endedAt ?? 0) - (ended.startedAt ?? 0) - 550);
    await sleep(100);
    expect((await read()).steps).toEqual(ended.steps);
  });

  it('I1: each change is pushed to every socket in the room, both interviewer tabs, the candidate and the observer, with a growing version', async () => {
    const { session, interviewer, candidate, observer } = await interviewCast(app.baseUrl, { durationMinutes: 60 });
    const tabA = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    const tabB = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    const candidateSocket = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    const observerSocket = await interviewClient(app.baseUrl, session.id, observer.token, { track: clients });
    const sockets = [tabA, tabB, candidateSocket, observerSocket];

    // The greeting: the state as it is, 60-minute budgets adding up to the hour.
    for (const socket of sockets) {
      expect(socket.states).toHaveLength(1);
      expect(socket.latest()).toMatchObject({ status: 'scheduled', currentStep: null, version: 0, revealed: [] });
      expect(socket.latest().steps.reduce((sum, s) => sum + s.budgetMs, 0)).toBe(60 * 60_000);
    }

    const viaRest = (action: Parameters<typeof api.ok>[1], body?: unknown) => api.ok(session.id, action, interviewer.token, body);
    const viaSocket = async (payload: Record<string, unknown>) => {
      expect(await tabB.control(payload)).toEqual({ ok: true });
      return (await api.read<SessionState>(session.id, 'state', interviewer.token)).body;
    };
    const changes: Array<() => Promise<SessionState>> = [
      () => viaRest('start'),
      () => viaSocket({ action: 'step', step: 'framing' }),
      () => viaRest('reveal', { clarificationId: 'scale' }),
      () => viaSocket({ action: 'pause' }),
      () => viaRest('step', { step: 'model' }),
      () => viaSocket({ action: 'resume' }),
      () => viaRest('end'),
    ];
    const versions = [0];
    for (const change of changes) {
      const state = await change();
      expect(state.version).toBeGreaterThan(versions.at(-1) ?? 0);
      versions.push(state.version);
      for (const socket of sockets) {
        const pushed = await socket.waitForState((s) => s.version === state.version, `version ${state.version}`);
        expect(pushed).toMatchObject({
          status: state.status,
          paused: state.paused,
          currentStep: state.currentStep,
          startedAt: state.startedAt,
          endedAt: state.endedAt,
          revealed: state.revealed,
        });
      }
    }
    for (const socket of sockets) {
      expect(socket.states.map((s) => s.version)).toEqual(versions);
      expect(socket.latest()).toMatchObject({ status: 'ended', revealed: [{ id: 'scale' }] });
    }
  });

  it('I2: two interviewer tabs naming the same next step at once move one step, over the socket and over REST', async () => {
    const { session, interviewer } = await interviewCast(app.baseUrl);
    const tabA = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    const tabB = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    // Both tabs press "Start interview": one starts it, the other is told it already has.
    const starts = await Promise.all([tabA.control({ action: 'start' }), tabB.control({ action: 'start' })]);
    expect(starts).toEqual(expect.arrayContaining([{ ok: true }, { ok: false, error: 'conflict' }]));

    const steps = ['framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'] as const;
    for (const [i, step] of steps.entries()) {
      if (i % 2 === 0) {
        const acks = await Promise.all([tabA.control({ action: 'step', step }), tabB.control({ action: 'step', step })]);
        expect(acks).toEqual([{ ok: true }, { ok: true }]);
      } else {
        const responses = await Promise.all([1, 2, 3].map(() => api.command(session.id, 'step', interviewer.token, { step })));
        expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
        expect(responses.map((r) => r.body.currentStep)).toEqual([step, step, step]);
      }
    }
    const state = (await api.read<SessionState>(session.id, 'state', interviewer.token)).body;
    expect(state.currentStep).toBe('monitoring');
    expect(await timelineTypes(session.id, interviewer.token)).toEqual(['started', ...steps.map((s) => `step_changed:${s}`)]);
    const timeline = (await api.read<TimelineResponse>(session.id, 'timeline', interviewer.token)).body.events;
    // Each move came from where the previous one left the session.
    expect(timeline.filter((e) => e.type === 'step_changed').map((e) => e.payload)).toEqual(
      steps.map((to, i) => ({ from: i === 0 ? 'requirements' : steps[i - 1], to })),
    );
    expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
  });

  it('I1: a socket that reconnects is greeted with the same state, to the millisecond while paused', async () => {
    const { session, interviewer, candidate } = await interviewCast(app.baseUrl);
    await api.ok(session.id, 'start', interviewer.token);
    await api.ok(session.id, 'reveal', interviewer.token, { clarificationId: 'goal' });
    await api.ok(session.id, 'step', interviewer.token, { step: 'data' });

    const first = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    const before = first.latest();
    first.close();
    await sleep(100);
    const second = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    const after = second.latest();
    expect({ ...withoutNow(after), steps: undefined }).toEqual({ ...withoutNow(before), steps: undefined });
    expect(elapsedOf(after, 'data')).toBeGreaterThan(elapsedOf(before, 'data'));
    expect(elapsedOf(after, 'requirements')).toBe(elapsedOf(before, 'requirements'));
    second.close();

    await api.ok(session.id, 'pause', interviewer.token);
    const pausedSocket = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    pausedSocket.close();
    await sleep(200);
    const reconnected = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    expect(withoutNow(reconnected.latest())).toEqual(withoutNow(pausedSocket.latest()));
    expect(withoutNow((await api.read<SessionState>(session.id, 'state', candidate.token)).body)).toEqual(withoutNow(pausedSocket.latest()));
  });

  it('I1: GET /api/sessions and /api/sessions/:id show the status (scheduled, live, ended) and when it started and ended', async () => {
    const { session, interviewer, candidate } = await interviewCast(app.baseUrl);
    const view = async () => (await requestJson<SessionView>(app.baseUrl, `/api/sessions/${session.id}`, { token: candidate.token })).body;
    const listed = async () =>
      (await requestJson<SessionListResponse>(app.baseUrl, '/api/sessions', { token: interviewer.token })).body.sessions.find((s) => s.id === session.id);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

    expect(await view()).toMatchObject({ status: 'scheduled', startedAt: null, endedAt: null });
    const started = await api.ok(session.id, 'start', interviewer.token);
    expect(await view()).toMatchObject({ status: 'live', startedAt: iso(started.startedAt), endedAt: null });
    expect(await listed()).toMatchObject({ status: 'live', startedAt: iso(started.startedAt), endedAt: null });
    // Paused is still live.
    await api.ok(session.id, 'pause', interviewer.token);
    expect((await view()).status).toBe('live');
    const ended = await api.ok(session.id, 'end', interviewer.token);
    expect(await view()).toMatchObject({ status: 'ended', startedAt: iso(started.startedAt), endedAt: iso(ended.endedAt) });
    expect(await listed()).toMatchObject({ status: 'ended', startedAt: iso(started.startedAt), endedAt: iso(ended.endedAt) });
    await eventually(async () => (await requestJson<{ status: string }>(app.baseUrl, `/api/invites/${session.inviteCode ?? ''}`)).body.status === 'ended', 2_000, 'the invite preview to say ended');
  });
});
