import type { AuthResponse, MeResponse, SessionView } from '@mockboard/protocol';
import { requestJson, uniqueEmail } from '../../../../../tests/support/http';
import { signUp } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

interface ErrorAnswer {
  error: { code: string; message: string };
}

describe('text input hygiene', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const post = <T>(path: string, body: unknown, token?: string) => requestJson<T>(app.baseUrl, path, { body, token });

  it.each([
    ['a guest name', '/api/auth/guest', { displayName: 'Ada\u0000' }],
    ['an invite code', '/api/sessions/join', { inviteCode: 'ABCDE\u0000FGHJ' }],
    ['a problem slug', '/api/sessions', { problemSlug: 'fraud-detection\u0000' }],
    ['a key', '/api/auth/guest', { 'displayName\u0000': 'Ada' }],
    ['a nested value', '/api/auth/guest', { displayName: 'Ada', extra: [{ deep: '\u0000' }] }],
  ])('answers 400 invalid_body, not 500, for NUL in %s', async (_case, path, body) => {
    const me = await signUp(app.baseUrl, 'Nul');
    const response = await post<ErrorAnswer>(path, body, me.token);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'invalid_body', message: 'Request body must not contain NUL characters (U+0000)' } });
  });

  it.each([
    ['a tab', 'Ada\tLovelace'],
    ['a line break', 'Ada\nLovelace'],
    ['a bell', 'Ada\u0007'],
    ['DEL', 'Ada\u007f'],
    ['a C1 control', 'Ada\u0085'],
  ])('refuses a display name with %s with a 400 naming the field', async (_case, displayName) => {
    const response = await post<ErrorAnswer>('/api/auth/guest', { displayName });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ code: 'invalid_body', message: expect.stringMatching(/^displayName: must not contain control characters/) });
  });

  it('refuses a display name that is not Unicode text (a lone surrogate)', async () => {
    const response = await requestJson<ErrorAnswer>(app.baseUrl, '/api/auth/guest', { rawBody: '{"displayName":"Ada\\ud800"}' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('displayName: must be valid Unicode text');
  });

  it('strips bidi controls and zero-width characters from display names, NFC-normalises, then checks the length', async () => {
    const guest = await post<AuthResponse>('/api/auth/guest', { displayName: '\u202eAda\u200b \u2066Love\u00adlace\u2069\ufeff' });
    expect(guest.status).toBe(201);
    expect(guest.body.user.displayName).toBe('Ada Lovelace');

    const composed = await post<AuthResponse>('/api/auth/guest', { displayName: 'Rene\u0301' });
    expect(composed.body.user.displayName).toBe('Ren\u00e9');

    const onlyInvisible = await post<ErrorAnswer>('/api/auth/guest', { displayName: '\u200b\u200d\u202e\u200e' });
    expect(onlyInvisible.status).toBe(400);
    expect(onlyInvisible.body.error.message).toBe('displayName: must not be empty');

    const padded = await post<AuthResponse>('/api/auth/guest', { displayName: `${'x'.repeat(60)}${'\u200b'.repeat(100)}` });
    expect(padded.status).toBe(201);
    expect(padded.body.user.displayName).toBe('x'.repeat(60));

    const registered = await post<AuthResponse>('/api/auth/register', {
      email: uniqueEmail(),
      password: 'password-one',
      displayName: 'Mallory\u202egnp.exe',
    });
    expect(registered.body.user.displayName).toBe('Mallorygnp.exe');

    const upgraded = await post<MeResponse>(
      '/api/auth/upgrade',
      { email: uniqueEmail(), password: 'password-two', displayName: '\u2067Eve\u2069' },
      guest.body.token,
    );
    expect(upgraded.body.user.displayName).toBe('Eve');
  });

  it('refuses control characters in invite codes and malformed problem slugs with a 400 naming the field', async () => {
    const me = await signUp(app.baseUrl, 'Codes');
    const code = await post<ErrorAnswer>('/api/sessions/join', { inviteCode: 'ABCDE\u001bFGHJ' }, me.token);
    expect(code.status).toBe(400);
    expect(code.body.error.message).toMatch(/^inviteCode: must not contain control characters/);

    // A pasted code keeps working with its line break.
    const created = await post<SessionView>('/api/sessions', { problemSlug: 'search-ranking' }, me.token);
    const pasted = await post('/api/sessions/join', { inviteCode: `${created.body.inviteCode ?? ''}\r\n` }, me.token);
    expect(pasted.status).toBe(200);

    const slug = await post<ErrorAnswer>('/api/sessions', { problemSlug: 'fraud\u202edetection' }, me.token);
    expect(slug.status).toBe(400);
    expect(slug.body.error.message).toMatch(/^problemSlug: must be a problem slug/);
  });

  it('refuses NUL in passwords even where the body parser is bypassed (the schema rule)', async () => {
    const { registerBodySchema } = await import('@mockboard/protocol');
    const result = registerBodySchema.safeParse({ email: 'a@example.test', password: 'password\u0000', displayName: 'A' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['password: must not contain NUL characters']);
  });

  it.each([
    ['NUL', '%00', 404],
    ['three NULs', '%00%00%00', 404],
    ['NUL inside', 'abc%00def', 404],
    ['a truncated escape', '%E0%A4%A', 400],
    ['a bare %', '%', 400],
    ['overlong UTF-8 for NUL', '%C0%80', 400],
    ['an encoded lone surrogate', '%ED%A0%80', 400],
    ['a bidi override before a UUID', '%E2%80%AE00000000-0000-4000-8000-000000000000', 404],
    ['4,000 characters', 'x'.repeat(4000), 404],
  ])('answers GET and rotate of /api/sessions/<%s> with a JSON %i', async (_case, id, status) => {
    const me = await signUp(app.baseUrl, 'Params');
    for (const [path, method] of [
      [`/api/sessions/${id}`, 'GET'],
      [`/api/sessions/${id}/invite/rotate`, 'POST'],
    ] as const) {
      const response = await requestJson<ErrorAnswer>(app.baseUrl, path, { method, token: me.token });
      expect({ path: path.slice(0, 60), status: response.status }).toEqual({ path: path.slice(0, 60), status });
      expect(response.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
