import type { RoomClosed } from '@mockboard/protocol';
import { requestJson } from '../../../../../tests/support/http';
import { connectedProvider, eventually, rawSocket } from '../../../../../tests/support/room-clients';
import { joinSession, seatedSession, signUp } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

/** DELETE /api/sessions/:id/participants/:userId, and rule P10: losing access closes the room sockets at once. */
describe('removing a participant', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const remove = (sessionId: string, userId: string, token: string) =>
    requestJson(app.baseUrl, `/api/sessions/${sessionId}/participants/${userId}`, { method: 'DELETE', token });

  it('P10: the interviewer removes an observer; their socket is told `forbidden` and closed, and the session is closed to them', async () => {
    const { session, interviewer, candidate } = await seatedSession(app.baseUrl);
    const watcher = await signUp(app.baseUrl, 'Watcher');
    await joinSession(app.baseUrl, watcher, session.inviteCode ?? '');
    const socket = await rawSocket(app.baseUrl, { token: watcher.token, sessionId: session.id });
    const closed: RoomClosed[] = [];
    socket.on('room:closed', (event: RoomClosed) => closed.push(event));
    const provider = await connectedProvider(app.baseUrl, session.id, watcher.token);

    // Only the interviewer removes others.
    expect((await remove(session.id, watcher.userId, candidate.token)).status).toBe(403);
    expect((await remove(session.id, watcher.userId, interviewer.token)).status).toBe(204);

    await eventually(() => closed.length === 1 && !socket.connected, 5_000, 'the removed observer to be disconnected');
    expect(closed).toEqual([{ reason: 'forbidden' }]);
    await eventually(() => provider.refusal === 'forbidden', 5_000, 'the provider to give up for good');
    expect((await requestJson(app.baseUrl, `/api/sessions/${session.id}`, { token: watcher.token })).status).toBe(403);
    // The others stay.
    const stays = await connectedProvider(app.baseUrl, session.id, candidate.token);
    expect(stays.status).toBe('connected');
    stays.destroy();
    provider.destroy();
    socket.close();
  });

  it('a participant may leave; unknown people and malformed ids are a 404, never a 500', async () => {
    const { session, interviewer, candidate } = await seatedSession(app.baseUrl);
    expect((await remove(session.id, candidate.userId, candidate.token)).status).toBe(204);
    expect((await remove(session.id, candidate.userId, interviewer.token)).status).toBe(404);
    expect((await remove(session.id, 'not-a-uuid', interviewer.token)).status).toBe(404);
    expect((await remove(session.id, '00000000-0000-4000-8000-000000000000', interviewer.token)).status).toBe(404);
    // The seat is free again: the next person with the link takes it.
    const next = await signUp(app.baseUrl, 'Next');
    expect((await joinSession(app.baseUrl, next, session.inviteCode ?? '')).role).toBe('candidate');
  });
});
