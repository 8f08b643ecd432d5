import type { InviteResponse, JoinSessionResponse, SessionListResponse, SessionView } from '@mockboard/protocol';
import { requestJson } from '../../../../../tests/support/http';
import { joinSession, signUp } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

describe('sessions API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PUBLIC_URL: 'https://mockboard.example' });
  });
  afterAll(() => app.close());

  const call = <T>(path: string, token: string, body?: unknown) => requestJson<T>(app.baseUrl, path, { token, body });

  it('creates a session with an invite link, seats the first joiner and makes later joiners observers', async () => {
    const interviewer = await signUp(app.baseUrl, 'Ivy');
    const created = await call<SessionView>('/api/sessions', interviewer.token, { problemSlug: 'ad-click-prediction', durationMinutes: 60 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'scheduled',
      problem: { slug: 'ad-click-prediction', title: 'Ad click prediction' },
      durationMinutes: 60,
      participants: [{ userId: interviewer.userId, displayName: 'Ivy', role: 'interviewer' }],
    });
    const code = created.body.inviteCode ?? '';
    expect(created.body.inviteUrl).toBe(`https://mockboard.example/join/${code}`);

    const candidate = await signUp(app.baseUrl, 'Cal');
    expect(await joinSession(app.baseUrl, candidate, code.toLowerCase())).toEqual({ id: created.body.id, role: 'candidate' });
    expect(await joinSession(app.baseUrl, candidate, code)).toEqual({ id: created.body.id, role: 'candidate' });
    expect(await joinSession(app.baseUrl, interviewer, code)).toEqual({ id: created.body.id, role: 'interviewer' });

    const watcher = await signUp(app.baseUrl, 'Obi');
    expect((await joinSession(app.baseUrl, watcher, code)).role).toBe('observer');
    const asObserver = await call<SessionView>(`/api/sessions/${created.body.id}`, watcher.token);
    expect(asObserver.body.myRole).toBe('observer');
    expect(asObserver.body.inviteCode).toBeNull();
    expect(asObserver.body.participants.map((p) => p.role)).toEqual(['interviewer', 'candidate', 'observer']);
  });

  it('seats exactly one of two simultaneous joiners', async () => {
    const interviewer = await signUp(app.baseUrl, 'Host');
    const created = await call<SessionView>('/api/sessions', interviewer.token, { problemSlug: 'fraud-detection' });
    const [a, b] = await Promise.all([signUp(app.baseUrl, 'A'), signUp(app.baseUrl, 'B')]);
    const roles = await Promise.all([a, b].map((p) => joinSession(app.baseUrl, p, created.body.inviteCode ?? '')));
    expect(roles.map((r) => r.role).sort()).toEqual(['candidate', 'observer']);
  });

  it('lets a candidate create the session, leaving the interviewer seat for the joiner', async () => {
    const candidate = await signUp(app.baseUrl, 'Practiser');
    const created = await call<SessionView>('/api/sessions', candidate.token, { problemSlug: 'search-ranking', role: 'candidate' });
    expect(created.body.myRole).toBe('candidate');
    const peer = await signUp(app.baseUrl, 'Peer');
    expect((await joinSession(app.baseUrl, peer, created.body.inviteCode ?? '')).role).toBe('interviewer');
  });

  it('lists my sessions newest first and hides other people’s sessions', async () => {
    const me = await signUp(app.baseUrl, 'Lister');
    const first = await call<SessionView>('/api/sessions', me.token, { problemSlug: 'video-recommendation' });
    const second = await call<SessionView>('/api/sessions', me.token, { problemSlug: 'harmful-content-detection' });
    const list = await call<SessionListResponse>('/api/sessions', me.token);
    expect(list.body.sessions.map((s) => s.id)).toEqual([second.body.id, first.body.id]);

    const stranger = await signUp(app.baseUrl, 'Stranger');
    const peek = await call(`/api/sessions/${first.body.id}`, stranger.token);
    expect(peek.status).toBe(403);
    expect(peek.body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await call(`/api/sessions/not-a-uuid`, me.token)).status).toBe(404);
    expect((await call(`/api/sessions/00000000-0000-4000-8000-000000000000`, me.token)).status).toBe(404);
    expect((await call<SessionListResponse>('/api/sessions', stranger.token)).body.sessions).toEqual([]);
  });

  it('rotating the invite revokes the old code; only the interviewer may rotate', async () => {
    const interviewer = await signUp(app.baseUrl, 'Rota');
    const created = await call<SessionView>('/api/sessions', interviewer.token, { problemSlug: 'people-you-may-know' });
    const candidate = await signUp(app.baseUrl, 'Cand');
    await joinSession(app.baseUrl, candidate, created.body.inviteCode ?? '');

    const refused = await call(`/api/sessions/${created.body.id}/invite/rotate`, candidate.token, {});
    expect(refused.status).toBe(403);
    const rotated = await call<InviteResponse>(`/api/sessions/${created.body.id}/invite/rotate`, interviewer.token, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.inviteCode).not.toBe(created.body.inviteCode);

    const late = await signUp(app.baseUrl, 'Late');
    const old = await call<JoinSessionResponse>('/api/sessions/join', late.token, { inviteCode: created.body.inviteCode });
    expect(old.status).toBe(404);
    expect((await call<JoinSessionResponse>('/api/sessions/join', late.token, { inviteCode: rotated.body.inviteCode })).body.role).toBe('observer');
  });

  it('validates bodies and requires a session', async () => {
    const me = await signUp(app.baseUrl, 'Val');
    const unknown = await call<{ error: { message: string } }>('/api/sessions', me.token, { problemSlug: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown problem/);
    expect((await call('/api/sessions', me.token, { problemSlug: 'video-recommendation', durationMinutes: 30 })).status).toBe(400);
    expect((await call('/api/sessions', me.token, { problemSlug: 'video-recommendation', role: 'observer' })).status).toBe(400);
    expect((await call('/api/sessions/join', me.token, {})).status).toBe(400);
    expect((await requestJson(app.baseUrl, '/api/sessions', { body: { problemSlug: 'video-recommendation' } })).status).toBe(401);
  });
});
