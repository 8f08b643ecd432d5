import { PROTOCOL_VERSION, type InvitePreview, type SessionState, type SessionView } from '@mockboard/protocol';
import { randomUUID } from 'node:crypto';
import { requestJson } from '../../../../../tests/support/http';
import {
  CONTROL_ROUTES,
  interviewApi,
  interviewCast,
  interviewClient,
  READ_ROUTES,
  type ControlRoute,
  type InterviewClient,
} from '../../../../../tests/support/interview-clients';
import { refusalOf } from '../../../../../tests/support/room-clients';
import { signUp, type Person } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

type Status = 'scheduled' | 'live' | 'paused' | 'ended' | 'cancelled';
const STATUSES: readonly Status[] = ['scheduled', 'live', 'paused', 'ended', 'cancelled'];

/** A body each command accepts (video-recommendation has a clarification "scale"). */
const VALID: Record<ControlRoute, Record<string, unknown> | undefined> = {
  start: undefined,
  step: { step: 'data' },
  pause: {},
  resume: undefined,
  end: {},
  reveal: { clarificationId: 'scale' },
};

/**
 * Bodies each command refuses: unknown fields, a missing or unknown step, an unknown clarification. All are
 * JSON objects or arrays: a bare JSON string or null is refused by the body parser, ahead of routing and so
 * ahead of the 401/403 checks, for every route of the API alike.
 */
const INVALID: Record<ControlRoute, unknown[]> = {
  start: [{ now: true }, ['start']],
  step: [{}, { step: 'deployment' }, { step: 'data', extra: 1 }, { step: 3 }],
  pause: [{ minutes: 5 }],
  resume: [{ force: true }, ['resume']],
  end: [{ reason: 'done' }],
  reveal: [{}, { clarificationId: 'no-such-clarification' }, { clarificationId: '' }, { clarificationId: 'scale', also: 'goal' }],
};

/** What the interviewer's fitting command answers in each status: the HTTP status, or for 200 a check of the state. */
const EXPECTED: Record<Status, Record<ControlRoute, 200 | 409>> = {
  scheduled: { start: 200, step: 409, pause: 409, resume: 409, end: 200, reveal: 200 },
  live: { start: 409, step: 200, pause: 200, resume: 409, end: 200, reveal: 200 },
  paused: { start: 409, step: 200, pause: 409, resume: 200, end: 200, reveal: 200 },
  ended: { start: 409, step: 409, pause: 409, resume: 409, end: 409, reveal: 409 },
  cancelled: { start: 409, step: 409, pause: 409, resume: 409, end: 409, reveal: 409 },
};

/** The state each command leaves when it is applied. */
function expectApplied(action: ControlRoute, from: Status, state: SessionState): void {
  switch (action) {
    case 'start':
      expect(state).toMatchObject({ status: 'live', paused: false, currentStep: 'requirements' });
      break;
    case 'step':
      expect(state).toMatchObject({ status: 'live', currentStep: 'data', paused: from === 'paused' });
      break;
    case 'pause':
      expect(state).toMatchObject({ status: 'live', paused: true });
      break;
    case 'resume':
      expect(state).toMatchObject({ status: 'live', paused: false });
      break;
    case 'end':
      expect(state).toMatchObject({ status: 'ended', paused: false, startedAt: from === 'scheduled' ? null : expect.any(Number) });
      expect(state.endedAt).toEqual(expect.any(Number));
      break;
    case 'reveal':
      expect(state.revealed.map((c) => c.id)).toEqual(['scale']);
      break;
  }
}

/**
 * The permission matrix of rules I2-I5: interviewer, candidate, observer, stranger and signed-out caller
 * against every REST route and both socket events, with the order of the checks: signed in (401), session
 * and participant (404/403), role (403), body (400 / invalid_message), status (409 / conflict).
 */
describe('interview permissions', () => {
  let app: TestApp;
  let api: ReturnType<typeof interviewApi>;
  const clients: InterviewClient[] = [];

  beforeAll(async () => {
    // Budgets out of the way: this spec is about who may do what, not how often (that is chat.int-spec).
    app = await startTestApp({ ROOM_CONTROLS_BURST: '10000', ROOM_CHAT_BURST: '10000', SESSIONS_PER_HOUR: '1000' });
    api = interviewApi(app.baseUrl);
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(() => app.close());

  /** A session of `owner`'s (the interviewer) brought to `status`. */
  async function sessionIn(owner: Person, status: Status): Promise<string> {
    const created = await requestJson<SessionView>(app.baseUrl, '/api/sessions', { body: { problemSlug: 'video-recommendation' }, token: owner.token });
    expect(created.status).toBe(201);
    const id = created.body.id;
    if (status === 'cancelled') await api.ok(id, 'end', owner.token);
    if (status === 'live' || status === 'paused' || status === 'ended') await api.ok(id, 'start', owner.token);
    if (status === 'paused') await api.ok(id, 'pause', owner.token);
    if (status === 'ended') await api.ok(id, 'end', owner.token);
    return id;
  }

  async function versionOf(sessionId: string, token: string): Promise<number> {
    const response = await api.read<SessionState>(sessionId, 'state', token);
    expect(response.status).toBe(200);
    return response.body.version;
  }

  it('I3: signed out, every route is 401 whatever the session id and body; the socket handshake is refused `unauthorized`', async () => {
    const { session } = await interviewCast(app.baseUrl);
    for (const id of [session.id, randomUUID(), 'not-a-session']) {
      for (const action of CONTROL_ROUTES) {
        for (const body of [VALID[action], ...INVALID[action]]) {
          const response = await api.command(id, action, undefined, body);
          expect({ id, action, body, status: response.status, code: response.body?.error?.code }).toEqual({ id, action, body, status: 401, code: 'unauthorized' });
        }
      }
      for (const what of READ_ROUTES) {
        const response = await api.read(id, what, undefined);
        expect({ id, what, status: response.status }).toEqual({ id, what, status: 401 });
      }
    }
    expect(await refusalOf(app.baseUrl, { protocolVersion: PROTOCOL_VERSION, sessionId: session.id })).toBe('unauthorized');
  });

  it('I3: an unknown or malformed session id is 404 on every route, before the body is looked at; the handshake is refused `not_found`', async () => {
    const someone = await signUp(app.baseUrl, 'Lost');
    for (const id of [randomUUID(), 'not-a-session', '00000000-0000-0000-0000-000000000000']) {
      for (const action of CONTROL_ROUTES) {
        for (const body of [VALID[action], ...INVALID[action]]) {
          const response = await api.command(id, action, someone.token, body);
          expect({ id, action, body, status: response.status, code: response.body?.error?.code }).toEqual({ id, action, body, status: 404, code: 'not_found' });
        }
      }
      for (const what of READ_ROUTES) {
        expect({ id, what, status: (await api.read(id, what, someone.token)).status }).toEqual({ id, what, status: 404 });
      }
    }
    expect(await refusalOf(app.baseUrl, { protocolVersion: PROTOCOL_VERSION, token: someone.token, sessionId: randomUUID() })).toBe('not_found');
  });

  it('I3: a stranger (signed in, not in the session) is 403 on every route in every status, whatever the body; their handshake is refused `forbidden`', async () => {
    const { session, interviewer, stranger } = await interviewCast(app.baseUrl);
    for (const status of ['scheduled', 'live', 'paused', 'ended'] as const) {
      if (status === 'live') await api.ok(session.id, 'start', interviewer.token);
      if (status === 'paused') await api.ok(session.id, 'pause', interviewer.token);
      if (status === 'ended') await api.ok(session.id, 'end', interviewer.token);
      const before = await versionOf(session.id, interviewer.token);
      for (const action of CONTROL_ROUTES) {
        for (const body of [VALID[action], ...INVALID[action]]) {
          const response = await api.command(session.id, action, stranger.token, body);
          expect({ status, action, body, http: response.status, code: response.body?.error?.code }).toEqual({ status, action, body, http: 403, code: 'forbidden' });
        }
      }
      for (const what of READ_ROUTES) {
        const response = await api.read(session.id, what, stranger.token);
        expect({ status, what, http: response.status, code: response.body?.error?.code }).toEqual({ status, what, http: 403, code: 'forbidden' });
      }
      expect(await versionOf(session.id, interviewer.token)).toBe(before);
    }
    expect(await refusalOf(app.baseUrl, { protocolVersion: PROTOCOL_VERSION, token: stranger.token, sessionId: session.id })).toBe('forbidden');
  });

  it('I2/I3/I4/I5: the candidate and the observer read state, timeline and chat, never the guide; every command is 403 / forbidden in every status whatever the body (a candidate’s resume included); the observer’s chat is read_only', async () => {
    const { session, interviewer, candidate, observer } = await interviewCast(app.baseUrl);
    const candidateSocket = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    const observerSocket = await interviewClient(app.baseUrl, session.id, observer.token, { track: clients });
    const sockets = new Map<Person, InterviewClient>([
      [candidate, candidateSocket],
      [observer, observerSocket],
    ]);
    for (const status of ['scheduled', 'live', 'paused', 'ended'] as const) {
      if (status === 'live') await api.ok(session.id, 'start', interviewer.token);
      if (status === 'paused') await api.ok(session.id, 'pause', interviewer.token);
      if (status === 'ended') await api.ok(session.id, 'end', interviewer.token);
      const before = await versionOf(session.id, interviewer.token);
      for (const [person, role] of [
        [candidate, 'candidate'],
        [observer, 'observer'],
      ] as const) {
        for (const action of CONTROL_ROUTES) {
          for (const body of [VALID[action], ...INVALID[action]]) {
            const response = await api.command(session.id, action, person.token, body);
            expect({ role, status, action, body, http: response.status, code: response.body?.error?.code }).toEqual({
              role,
              status,
              action,
              body,
              http: 403,
              code: 'forbidden',
            });
            const payload = typeof body === 'object' && body !== null && !Array.isArray(body) ? { action, ...body } : { action, body };
            expect({ role, status, payload, ack: await sockets.get(person)?.control(payload) }).toEqual({ role, status, payload, ack: { ok: false, error: 'forbidden' } });
          }
        }
        for (const what of READ_ROUTES) {
          const response = await api.read(session.id, what, person.token);
          expect({ role, status, what, http: response.status }).toEqual({ role, status, what, http: what === 'guide' ? 403 : 200 });
        }
      }
      // The observer reads the chat but never writes in it, whatever they send; the candidate writes.
      for (const payload of [{ text: `observer in ${status}` }, { text: '' }, { text: 5 }, 'hello']) {
        expect({ status, payload, ack: await observerSocket.chat(payload) }).toEqual({ status, payload, ack: { ok: false, error: 'read_only' } });
      }
      expect(await candidateSocket.chat({ text: `candidate in ${status}` })).toEqual({ ok: true, id: expect.any(Number) });
      // Nothing anyone but the interviewer sent changed the session.
      expect(await versionOf(session.id, interviewer.token)).toBe(before);
    }
    expect(candidateSocket.socket.connected && observerSocket.socket.connected).toBe(true);
    const history = await api.read<{ messages: Array<{ text: string }> }>(session.id, 'chat', observer.token);
    expect(history.body.messages.map((m) => m.text)).toEqual(['scheduled', 'live', 'paused', 'ended'].map((s) => `candidate in ${s}`));
  });

  it('I4: the interviewer reads every route, the guide included', async () => {
    const { session, interviewer } = await interviewCast(app.baseUrl);
    for (const what of READ_ROUTES) {
      expect({ what, http: (await api.read(session.id, what, interviewer.token)).status }).toEqual({ what, http: 200 });
    }
  });

  describe.each(['rest', 'socket'] as const)('the interviewer over %s', (via) => {
    it.each(STATUSES)(
      `I2/I3: with the session %s, a bad body is 400 / invalid_message before the status is looked at, and each fitting command is applied while each other is 409 / conflict`,
      async (status) => {
        const owner = await signUp(app.baseUrl, `Owner-${via}-${status}`);
        // Bad bodies first, on one session: none of them changes anything.
        const shared = await sessionIn(owner, status);
        const socket = via === 'socket' ? await interviewClient(app.baseUrl, shared, owner.token, { track: clients }) : undefined;
        const before = await versionOf(shared, owner.token);
        for (const action of CONTROL_ROUTES) {
          for (const body of INVALID[action]) {
            if (socket) {
              const payload = typeof body === 'object' && body !== null && !Array.isArray(body) ? { action, ...body } : { action, body };
              expect({ payload, ack: await socket.control(payload) }).toEqual({ payload, ack: { ok: false, error: 'invalid_message' } });
            } else {
              const response = await api.command(shared, action, owner.token, body);
              expect({ action, body, http: response.status, code: response.body?.error?.code }).toEqual({ action, body, http: 400, code: 'invalid_body' });
            }
          }
        }
        expect(await versionOf(shared, owner.token)).toBe(before);
        socket?.close();

        // Then each fitting body on a session of its own.
        for (const action of CONTROL_ROUTES) {
          const id = await sessionIn(owner, status);
          const expected = EXPECTED[status][action];
          if (via === 'rest') {
            const response = await api.command(id, action, owner.token, VALID[action]);
            expect({ action, http: response.status, code: response.body?.error?.code }).toEqual({
              action,
              http: expected,
              code: expected === 200 ? undefined : 'conflict',
            });
            if (expected === 200) expectApplied(action, status, response.body);
          } else {
            const client = await interviewClient(app.baseUrl, id, owner.token, { track: clients });
            const ack = await client.control({ action, ...VALID[action] });
            expect({ action, ack }).toEqual({ action, ack: expected === 200 ? { ok: true } : { ok: false, error: 'conflict' } });
            const state = (await api.read<SessionState>(id, 'state', owner.token)).body;
            if (expected === 200) expectApplied(action, status, state);
            client.close();
          }
        }
      },
    );
  });

  it('I3: start, pause, resume and end take no body or `{}`, nothing else', async () => {
    const owner = await signUp(app.baseUrl, 'Bodies');
    const id = await sessionIn(owner, 'scheduled');
    expect((await api.command(id, 'start', owner.token, {})).status).toBe(200);
    expect((await api.command(id, 'pause', owner.token)).status).toBe(200);
    expect((await api.command(id, 'resume', owner.token, {})).status).toBe(200);
    expect((await api.command(id, 'end', owner.token, { at: 'now' })).status).toBe(400);
    expect((await api.command(id, 'end', owner.token)).status).toBe(200);
  });

  it('I8/I4: the invite preview is public: which problem and who invites, with no guide and no clarification', async () => {
    const { session } = await interviewCast(app.baseUrl);
    const preview = await requestJson<InvitePreview>(app.baseUrl, `/api/invites/${session.inviteCode ?? ''}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      problem: { title: session.problem.title, summary: session.problem.summary },
      invitedBy: 'Iris',
      durationMinutes: 45,
      status: 'scheduled',
    });
    expect((await requestJson(app.baseUrl, '/api/invites/NOPE-NOPE')).status).toBe(404);
  });
});
