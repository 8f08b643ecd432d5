import type { AuthResponse, MeResponse } from '@mockboard/protocol';
import { requestJson, uniqueEmail } from '../../../../../tests/support/http';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

describe('auth API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const post = <T>(path: string, body: unknown, token?: string) => requestJson<T>(app.baseUrl, path, { body, token });

  it('registers, answers /me with the bearer token and with the cookie, and logs out', async () => {
    const email = uniqueEmail();
    const registered = await post<AuthResponse>('/api/auth/register', { email, password: 'correct horse', displayName: 'Ada' });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toEqual({ id: expect.any(String), email, displayName: 'Ada', isGuest: false });
    expect(registered.body.token).toMatch(/^mb_/);
    const setCookie = registered.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/mb_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const byToken = await requestJson<MeResponse>(app.baseUrl, '/api/me', { token: registered.body.token });
    expect(byToken.status).toBe(200);
    expect(byToken.body.user.id).toBe(registered.body.user.id);

    const cookie = setCookie.split(';')[0];
    const byCookie = await requestJson<MeResponse>(app.baseUrl, '/api/me', { cookie });
    expect(byCookie.body.user.email).toBe(email);

    const logout = await requestJson(app.baseUrl, '/api/auth/logout', { method: 'POST', token: registered.body.token });
    expect(logout.status).toBe(204);
    const after = await requestJson(app.baseUrl, '/api/me', { token: registered.body.token });
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('logs in case-insensitively by email and rejects a wrong password with 401', async () => {
    const email = uniqueEmail();
    await post('/api/auth/register', { email, password: 'password-one', displayName: 'Bo' });
    const ok = await post<AuthResponse>('/api/auth/login', { email: email.toUpperCase(), password: 'password-one' });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(email);

    const wrong = await post('/api/auth/login', { email, password: 'password-two' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong email or password' } });

    const unknown = await post('/api/auth/login', { email: uniqueEmail('nobody'), password: 'password-one' });
    expect(unknown.status).toBe(401);
  });

  it('refuses a duplicate email with 409', async () => {
    const email = uniqueEmail();
    expect((await post('/api/auth/register', { email, password: 'password-one', displayName: 'Cy' })).status).toBe(201);
    const again = await post('/api/auth/register', { email, password: 'password-two', displayName: 'Cy 2' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'email_taken' } });
  });

  it('creates a guest that can later claim an email and keep its id', async () => {
    const guest = await post<AuthResponse>('/api/auth/guest', { displayName: 'Visitor' });
    expect(guest.status).toBe(201);
    expect(guest.body.user).toEqual({ id: expect.any(String), email: null, displayName: 'Visitor', isGuest: true });

    const email = uniqueEmail('claimed');
    const upgraded = await post<MeResponse>('/api/auth/upgrade', { email, password: 'now-a-member' }, guest.body.token);
    expect(upgraded.status).toBe(200);
    expect(upgraded.body.user).toEqual({ id: guest.body.user.id, email, displayName: 'Visitor', isGuest: false });

    const login = await post<AuthResponse>('/api/auth/login', { email, password: 'now-a-member' });
    expect(login.body.user.id).toBe(guest.body.user.id);

    const twice = await post('/api/auth/upgrade', { email: uniqueEmail(), password: 'whatever-1' }, guest.body.token);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'not_a_guest' } });
  });

  it.each([
    ['missing fields', { email: uniqueEmail() }, /password: .*displayName: /],
    ['wrong types', { email: 42, password: ['x'], displayName: {} }, /email: .*password: must be a string/],
    ['a short password', { email: uniqueEmail(), password: 'short', displayName: 'Di' }, /password: must be at least 8/],
    ['an unknown field', { email: uniqueEmail(), password: 'password-1', displayName: 'Di', isAdmin: true }, /isAdmin/],
    ['an array body', [1, 2], /expected object/i],
  ])('answers 400 invalid_body for %s', async (_case, body, message) => {
    const response = await post<{ error: { code: string; message: string } }>('/api/auth/register', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_body');
    expect(response.body.error.message).toMatch(message);
  });

  it('answers 400 for malformed JSON and 413 for a 1 MB body', async () => {
    const malformed = await requestJson(app.baseUrl, '/api/auth/login', { rawBody: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'invalid_body' } });

    const huge = JSON.stringify({ email: uniqueEmail(), password: 'x'.repeat(1024 * 1024), displayName: 'Big' });
    const tooLarge = await requestJson(app.baseUrl, '/api/auth/register', { rawBody: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers unknown API routes with a JSON 404 and protects /me', async () => {
    const missing = await requestJson(app.baseUrl, '/api/does-not-exist');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect((await requestJson(app.baseUrl, '/api/me')).status).toBe(401);
    expect((await requestJson(app.baseUrl, '/api/me', { token: 'mb_forged' })).status).toBe(401);
  });
});

describe('login rate limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => app.close());

  it('answers 429 after too many attempts for one email, without throttling other emails', async () => {
    const email = uniqueEmail('brute');
    const attempt = (target: string) => requestJson(app.baseUrl, '/api/auth/login', { body: { email: target, password: 'guess-guess' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(email)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt(email);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await attempt(uniqueEmail('other'))).status).toBe(401);
  });
});
