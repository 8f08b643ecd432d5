import type { JoinSessionResponse, SessionView } from '@mockboard/protocol';
import { requestJson } from '../../../../../tests/support/http';
import { requestFrom } from '../../../../../tests/support/http-from-address';
import { joinSession, signUp, type Person } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

describe('session limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SESSIONS_PER_HOUR: '3', INVITE_FAILURES_PER_HOUR: '3', MAX_OBSERVERS: '2' });
  });
  afterAll(() => app.close());

  const create = (person: Person, problemSlug = 'fraud-detection') =>
    requestJson<SessionView>(app.baseUrl, '/api/sessions', { token: person.token, body: { problemSlug } });
  const join = (person: Person, inviteCode: string, localAddress = '127.0.0.1') =>
    requestFrom<JoinSessionResponse>(app.baseUrl, '/api/sessions/join', { token: person.token, localAddress, body: { inviteCode } });

  /** A session whose two seats are taken, so every later joiner is an observer. */
  const fullySeated = async (): Promise<string> => {
    const host = await signUp(app.baseUrl, 'Host');
    const created = await create(host);
    const code = created.body.inviteCode ?? '';
    await joinSession(app.baseUrl, await signUp(app.baseUrl, 'Seat'), code);
    return code;
  };

  it('SESSIONS_PER_HOUR: the fourth session of one user is 429 with Retry-After; other users are unaffected', async () => {
    const busy = await signUp(app.baseUrl, 'Busy');
    for (let i = 0; i < 3; i++) expect((await create(busy)).status).toBe(201);
    const refused = await create(busy);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/at most 3 sessions an hour/) } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(3600);

    expect((await create(await signUp(app.baseUrl, 'Calm'))).status).toBe(201);
  });

  it('SESSIONS_PER_HOUR: a refused body (unknown problem) does not count', async () => {
    const person = await signUp(app.baseUrl, 'Typo');
    for (let i = 0; i < 4; i++) expect((await create(person, 'no-such-problem')).status).toBe(400);
    for (let i = 0; i < 3; i++) expect((await create(person)).status).toBe(201);
  });

  it('INVITE_FAILURES_PER_HOUR: after three wrong codes from one address, even a right code is 429 (the window itself: hourly-limiter.spec.ts)', async () => {
    const code = await fullySeated();
    const guesser = await signUp(app.baseUrl, 'Guesser');
    const from = '127.0.0.2';
    for (const wrong of ['AAAAAAAAAA', 'BBBBBBBBBB', 'CCCCCCCCCC']) expect((await join(guesser, wrong, from)).status).toBe(404);
    const refused = await join(guesser, code, from);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/wrong invite code/) } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    // Another address, and the same person from it, still join; right codes never count.
    const elsewhere = '127.0.0.3';
    for (let i = 0; i < 5; i++) expect((await join(guesser, code, elsewhere)).body).toMatchObject({ role: 'observer' });
    expect((await join(guesser, 'DDDDDDDDDD', elsewhere)).status).toBe(404);
  });

  it('INVITE_FAILURES_PER_HOUR: simultaneous wrong guesses cannot all slip under the limit', async () => {
    const guesser = await signUp(app.baseUrl, 'Swarm');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => join(guesser, `WRONG${String(i).padStart(5, 'X')}`, '127.0.0.4')),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([404, 404, 404, 429, 429, 429, 429, 429]);
  });

  it('MAX_OBSERVERS: the third observer is refused with 429 saying the session is full; observers already in may rejoin', async () => {
    const code = await fullySeated();
    const [first, second, third] = [await signUp(app.baseUrl, 'O1'), await signUp(app.baseUrl, 'O2'), await signUp(app.baseUrl, 'O3')];
    expect((await join(first, code)).body).toMatchObject({ role: 'observer' });
    expect((await join(second, code)).body).toMatchObject({ role: 'observer' });
    const refused = await join(third, code);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: 'This session is full: it already has 2 observers' } });
    expect((await join(first, code)).body).toMatchObject({ role: 'observer' });
  });

  it('MAX_OBSERVERS: six simultaneous joiners seat exactly two observers', async () => {
    const code = await fullySeated();
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => signUp(app.baseUrl, `Rush${i}`)));
    const answers = await Promise.all(people.map((p) => join(p, code)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 429, 429, 429, 429]);

    const observer = people[answers.findIndex((a) => a.status === 200)];
    const view = await requestJson<SessionView>(app.baseUrl, `/api/sessions/${answers.find((a) => a.status === 200)?.body.id}`, {
      token: observer?.token,
    });
    expect(view.body.participants.filter((p) => p.role === 'observer')).toHaveLength(2);
  });
});
