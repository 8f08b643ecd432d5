import { RECOMMENDATIONS, RUBRIC_SIGNALS, SCORE_ANCHORS, STEP_IDS } from '@mockboard/interview';
import type { ApiErrorBody } from '@mockboard/protocol';
import { randomUUID } from 'node:crypto';
import { signInGuest } from '../../../../../tests/support/interview-clients';
import { bringTo, castSession, completeDraft, scoringApi, SCORING_PHASES, type ScoringApi, type ScoringPhase } from '../../../../../tests/support/scoring-clients';
import { signUp, type Person } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

type Who = 'signedOut' | 'stranger' | 'observer' | 'candidate' | 'interviewer';
/** The order the matrix calls in: the interviewer last, so their successful submit or release comes after the others' tries. */
const CALLERS: readonly Who[] = ['signedOut', 'stranger', 'observer', 'candidate', 'interviewer'];

const ROUTES = [
  'GET scorecard',
  'PUT scorecard',
  'GET scorecard.md',
  'POST scorecard/submit',
  'POST scorecard/release',
  'POST rubric-notes',
  'GET rubric-notes',
  'PUT feedback',
  'GET feedback',
  'POST swap',
] as const;
type Route = (typeof ROUTES)[number];

/** One call of a route, with a body it accepts (`valid`) or one it refuses (`bad`; routes without a body ignore it). */
function call(api: ScoringApi, route: Route, id: string, token: string | undefined, body: 'valid' | 'bad'): Promise<{ status: number; body?: unknown }> {
  const valid = body === 'valid';
  switch (route) {
    case 'GET scorecard':
      return api.scorecard(id, token);
    case 'PUT scorecard':
      return api.saveDraft(id, token, valid ? completeDraft() : { steps: [{ step: 'deployment', score: 3 }] });
    case 'GET scorecard.md':
      return api.markdown(id, token);
    case 'POST scorecard/submit':
      return api.submit(id, token);
    case 'POST scorecard/release':
      return api.release(id, token);
    case 'POST rubric-notes':
      return api.addNote(id, token, valid ? { text: 'asked about QPS' } : { text: '', step: 'deployment' });
    case 'GET rubric-notes':
      return api.notes(id, token);
    case 'PUT feedback':
      return api.saveFeedback(id, token, valid ? { helpfulness: 3, comment: 'Clear prompts.' } : { helpfulness: 5 });
    case 'GET feedback':
      return api.feedback(id, token);
    case 'POST swap':
      return api.swap(id, token, valid ? {} : { problemSlug: 'Not A Slug' });
  }
}


/** What the interviewer and the candidate get from each route with a fitting body, by phase. Observers and strangers: 403; signed out: 401. */
type Seated = { interviewer: number; candidate: number };
const before = (submit: number, swap: number): Record<Route, Seated> => ({
  'GET scorecard': { interviewer: 200, candidate: 403 },
  'PUT scorecard': { interviewer: 200, candidate: 403 },
  'GET scorecard.md': { interviewer: 200, candidate: 403 },
  'POST scorecard/submit': { interviewer: submit, candidate: 403 },
  'POST scorecard/release': { interviewer: 409, candidate: 403 },
  'POST rubric-notes': { interviewer: 201, candidate: 403 },
  'GET rubric-notes': { interviewer: 200, candidate: 403 },
  'PUT feedback': { interviewer: 403, candidate: submit === 200 ? 200 : 409 },
  'GET feedback': { interviewer: 403, candidate: 200 },
  // The candidate asks first and makes the round (201); the interviewer's repeat gets it (200).
  'POST swap': { interviewer: swap === 201 ? 200 : swap, candidate: swap },
});
const EXPECTED: Record<ScoringPhase, Record<Route, Seated>> = {
  scheduled: before(409, 409),
  live: before(409, 409),
  ended: before(200, 201),
  submitted: {
    ...before(409, 201),
    'PUT scorecard': { interviewer: 409, candidate: 403 },
    'POST scorecard/release': { interviewer: 200, candidate: 403 },
    'PUT feedback': { interviewer: 403, candidate: 200 },
  },
  released: {
    'GET scorecard': { interviewer: 200, candidate: 200 },
    'PUT scorecard': { interviewer: 409, candidate: 403 },
    'GET scorecard.md': { interviewer: 200, candidate: 200 },
    'POST scorecard/submit': { interviewer: 409, candidate: 403 },
    'POST scorecard/release': { interviewer: 409, candidate: 403 },
    'POST rubric-notes': { interviewer: 409, candidate: 403 },
    'GET rubric-notes': { interviewer: 200, candidate: 200 },
    'PUT feedback': { interviewer: 403, candidate: 409 },
    'GET feedback': { interviewer: 200, candidate: 200 },
    'POST swap': { interviewer: 200, candidate: 201 },
  },
};

const CODE: Record<number, string | undefined> = { 401: 'unauthorized', 403: 'forbidden', 400: 'invalid_body', 404: 'not_found', 409: 'conflict' };

/**
 * The permission matrix of rules R1-R8: interviewer, candidate, observer, stranger and signed-out caller
 * against every scoring route, in every phase of a scored session, and the order of the checks: signed in
 * (401), session and role (404/403), body (400), state (409).
 */
describe('scoring permissions', () => {
  let app: TestApp;
  let api: ScoringApi;
  let people: Record<Exclude<Who, 'signedOut'>, Person>;

  beforeAll(async () => {
    // Budgets out of the way: this spec is about who may do what.
    app = await startTestApp({ ROOM_CONTROLS_BURST: '10000', SESSIONS_PER_HOUR: '10000' });
    api = scoringApi(app.baseUrl);
    const [interviewer, candidate, observer, stranger] = await Promise.all(['Ines', 'Carl', 'Otto', 'Sara'].map((name) => signUp(app.baseUrl, name)));
    people = { interviewer: interviewer as Person, candidate: candidate as Person, observer: observer as Person, stranger: stranger as Person };
  });
  afterAll(() => app.close());

  const tokenOf = (who: Who): string | undefined => (who === 'signedOut' ? undefined : people[who].token);

  async function sessionAt(phase: ScoringPhase): Promise<string> {
    const session = await castSession(app.baseUrl, { interviewer: people.interviewer, candidate: people.candidate, observers: [people.observer] });
    await bringTo(app.baseUrl, session.id, people.interviewer, phase);
    return session.id;
  }

  describe.each(SCORING_PHASES)('with the session %s', (phase) => {
    it.each(ROUTES)(`R8: %s answers each caller with the status of the matrix (${phase})`, async (route) => {
      const id = await sessionAt(phase);
      const expected = EXPECTED[phase][route];
      for (const who of CALLERS) {
        const status = who === 'signedOut' ? 401 : who === 'stranger' || who === 'observer' ? 403 : expected[who];
        const response = await call(api, route, id, tokenOf(who), 'valid');
        const code = status >= 400 ? (response.body as ApiErrorBody | undefined)?.error?.code : undefined;
        expect({ phase, route, who, status: response.status, code }).toEqual({ phase, route, who, status, code: status >= 400 ? CODE[status] : undefined });
      }
    });
  });

  it('R8: a refusal tells nothing of the card: every 403 to the candidate, observer or stranger is one of four fixed sentences', async () => {
    const id = await sessionAt('submitted');
    await api.addNote(id, people.interviewer.token, { text: 'KIWI-quick-note' });
    const messages = new Set<string>();
    for (const who of ['candidate', 'observer', 'stranger'] as const) {
      for (const route of ROUTES.filter((r) => r !== 'POST swap' && r !== 'PUT feedback' && r !== 'GET feedback')) {
        const response = await call(api, route, id, tokenOf(who), 'valid');
        expect({ who, route, status: response.status }).toEqual({ who, route, status: 403 });
        const text = JSON.stringify(response.body);
        expect(text).not.toContain('KIWI');
        messages.add((response.body as ApiErrorBody).error.message);
      }
    }
    expect([...messages].sort()).toEqual(
      [
        'Only the interviewer can do that',
        'Scorecards are for the interviewer and the candidate only',
        'The scorecard has not been released to you',
        'You are not a participant of this session',
      ].sort(),
    );
  });

  it('R8: signed out, every route is 401 whatever the session id and body', async () => {
    const id = await sessionAt('submitted');
    for (const session of [id, randomUUID(), 'not-a-session']) {
      for (const route of ROUTES) {
        for (const body of ['valid', 'bad'] as const) {
          const response = await call(api, route, session, undefined, body);
          expect({ session, route, body, status: response.status }).toEqual({ session, route, body, status: 401 });
        }
      }
    }
    expect((await api.rubric(undefined)).status).toBe(401);
    expect((await api.progress(undefined)).status).toBe(401);
  });

  it('R8: an unknown or malformed session id is 404 on every route, before the body is looked at', async () => {
    for (const session of [randomUUID(), 'not-a-session', '00000000-0000-0000-0000-000000000000']) {
      for (const route of ROUTES) {
        for (const body of ['valid', 'bad'] as const) {
          const response = await call(api, route, session, people.stranger.token, body);
          expect({ session, route, body, status: response.status }).toEqual({ session, route, body, status: 404 });
        }
      }
    }
  });

  it('R8: observers and strangers get 403 on every route in every phase whatever the body, and change nothing', async () => {
    for (const phase of SCORING_PHASES) {
      const id = await sessionAt(phase);
      const card = (await api.scorecard(id, people.interviewer.token)).body;
      for (const who of ['observer', 'stranger'] as const) {
        for (const route of ROUTES) {
          for (const body of ['valid', 'bad'] as const) {
            const response = await call(api, route, id, tokenOf(who), body);
            expect({ phase, who, route, body, status: response.status }).toEqual({ phase, who, route, body, status: 403 });
          }
        }
      }
      expect((await api.scorecard(id, people.interviewer.token)).body).toEqual(card);
      expect((await api.notes(id, people.interviewer.token)).body).toEqual({ notes: [] });
      expect((await api.session(id, people.interviewer.token)).body.nextSessionId).toBeNull();
    }
  });

  it('R8: 403 comes before 400: a candidate’s bad body on an interviewer route, and an interviewer’s on the feedback, are refused for the role', async () => {
    for (const phase of ['live', 'ended', 'released'] as const) {
      const id = await sessionAt(phase);
      const card = (await api.scorecard(id, people.interviewer.token)).body;
      for (const route of ['PUT scorecard', 'POST rubric-notes'] as const) {
        const response = await call(api, route, id, people.candidate.token, 'bad');
        expect({ phase, route, status: response.status }).toEqual({ phase, route, status: 403 });
      }
      const feedback = await call(api, 'PUT feedback', id, people.interviewer.token, 'bad');
      expect({ phase, status: feedback.status }).toEqual({ phase, status: 403 });
      expect((await api.scorecard(id, people.interviewer.token)).body).toEqual(card);
    }
  });

  it('R8: 400 comes before 409: a bad body is refused for what it is even when the state would refuse it too', async () => {
    // A draft on a submitted card, a note after release, feedback before the end and after release, a swap before the end.
    const submitted = await sessionAt('submitted');
    const draft = await call(api, 'PUT scorecard', submitted, people.interviewer.token, 'bad');
    expect({ status: draft.status, code: (draft.body as ApiErrorBody).error.code }).toEqual({ status: 400, code: 'invalid_body' });
    expect((await call(api, 'PUT scorecard', submitted, people.interviewer.token, 'valid')).status).toBe(409);

    const released = await sessionAt('released');
    expect((await call(api, 'POST rubric-notes', released, people.interviewer.token, 'bad')).status).toBe(400);
    expect((await call(api, 'POST rubric-notes', released, people.interviewer.token, 'valid')).status).toBe(409);
    expect((await call(api, 'PUT feedback', released, people.candidate.token, 'bad')).status).toBe(400);
    expect((await call(api, 'PUT feedback', released, people.candidate.token, 'valid')).status).toBe(409);

    const live = await sessionAt('live');
    expect((await call(api, 'PUT feedback', live, people.candidate.token, 'bad')).status).toBe(400);
    expect((await call(api, 'PUT feedback', live, people.candidate.token, 'valid')).status).toBe(409);
    for (const who of ['interviewer', 'candidate'] as const) {
      expect({ who, status: (await call(api, 'POST swap', live, tokenOf(who), 'bad')).status }).toEqual({ who, status: 400 });
      expect({ who, status: (await call(api, 'POST swap', live, tokenOf(who), 'valid')).status }).toEqual({ who, status: 409 });
    }

    // Once the next round exists a repeat is 200, but a bad body still 400.
    const ended = await sessionAt('ended');
    expect((await call(api, 'POST swap', ended, people.candidate.token, 'valid')).status).toBe(201);
    expect((await call(api, 'POST swap', ended, people.interviewer.token, 'bad')).status).toBe(400);
  });

  it('R1: the rubric is for anyone signed in, guests and people in no session included; signed out it is 401', async () => {
    const guest = await signInGuest(app.baseUrl, 'Gwen');
    const expected = {
      steps: STEP_IDS.map((step) => ({ step, signals: RUBRIC_SIGNALS[step].map((s) => ({ id: s.id, text: s.text })) })),
      anchors: { '1': SCORE_ANCHORS[1], '2': SCORE_ANCHORS[2], '3': SCORE_ANCHORS[3], '4': SCORE_ANCHORS[4] },
      recommendations: [...RECOMMENDATIONS],
    };
    for (const person of [people.stranger, people.observer, guest]) {
      const response = await api.rubric(person.token);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(expected);
    }
    expect((await api.rubric(undefined)).status).toBe(401);
  });

  it('R7: progress is for anyone signed in (their own, empty when nothing is released); signed out it is 401', async () => {
    const guest = await signInGuest(app.baseUrl, 'Gil');
    for (const person of [people.stranger, guest]) {
      const response = await api.progress(person.token);
      expect(response.status).toBe(200);
      expect(response.body.coverage).toEqual([]);
      expect(response.body.suggestion).toBeNull();
    }
    const unauthorised = await api.progress(undefined);
    expect({ status: unauthorised.status, code: unauthorised.body?.error?.code }).toEqual({ status: 401, code: 'unauthorized' });
  });
});
