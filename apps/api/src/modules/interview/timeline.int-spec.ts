import { sessionEvents } from '@mockboard/db';
import type { ChatHistoryResponse, SessionState, TimelineEvent, TimelineResponse } from '@mockboard/protocol';
import { asc, eq, sql } from 'drizzle-orm';
import { interviewApi, interviewCast, interviewClient, sleep, type InterviewClient } from '../../../../../tests/support/interview-clients';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

/** Rule I6: one append-only timeline per session, read back per role. */
describe('the session timeline', () => {
  let app: TestApp;
  let api: ReturnType<typeof interviewApi>;
  const clients: InterviewClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ROOM_CONTROLS_BURST: '10000', ROOM_CHAT_BURST: '10000' });
    api = interviewApi(app.baseUrl);
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(() => app.close());

  const timelineOf = async (sessionId: string, token: string): Promise<TimelineEvent[]> => {
    const response = await api.read<TimelineResponse>(sessionId, 'timeline', token);
    expect(response.status).toBe(200);
    return response.body.events;
  };

  it('I6: after a scripted session the timeline is exactly what happened, in order, with atMs null before the start and the time since it after; the same for candidate, observer and interviewer', async () => {
    const { session, interviewer, candidate, observer } = await interviewCast(app.baseUrl);
    const id = session.id;
    const lead = await interviewClient(app.baseUrl, id, interviewer.token, { track: clients });
    const cand = await interviewClient(app.baseUrl, id, candidate.token, { track: clients });

    /** What each step of the script should leave on the timeline. */
    const expected: Array<Pick<TimelineEvent, 'type' | 'userId' | 'payload'>> = [];
    const chat = async (client: InterviewClient, userId: string, displayName: string, text: string) => {
      const ack = await client.chat({ text });
      expect(ack).toEqual({ ok: true, id: expect.any(Number) });
      expected.push({ type: 'chat', userId, payload: { text, displayName } });
      return ack.ok ? ack.id : -1;
    };
    const control = async (payload: Record<string, unknown>) => expect(await lead.control(payload)).toEqual({ ok: true });

    // Before the start: a greeting each way, and the interviewer answers a question early.
    const firstChatId = await chat(cand, candidate.userId, 'Cole', 'Hi! Ready when you are.');
    await chat(lead, interviewer.userId, 'Iris', 'Welcome. Take a minute to read the prompt.');
    const goal = (await api.ok(id, 'reveal', interviewer.token, { clarificationId: 'goal' })).revealed[0];
    expected.push({ type: 'clarification_revealed', userId: interviewer.userId, payload: { clarificationId: 'goal', question: goal?.question, answer: goal?.answer } });

    await sleep(20);
    const started = await api.ok(id, 'start', interviewer.token);
    expected.push({ type: 'started', userId: interviewer.userId, payload: {} });
    await sleep(20);
    await control({ action: 'step', step: 'framing' });
    expected.push({ type: 'step_changed', userId: interviewer.userId, payload: { from: 'requirements', to: 'framing' } });
    // Naming the current step again records nothing.
    await control({ action: 'step', step: 'framing' });
    await chat(cand, candidate.userId, 'Cole', 'I would frame it as ranking.\nThen retrieval first.');
    await api.ok(id, 'step', interviewer.token, { step: 'data' });
    expected.push({ type: 'step_changed', userId: interviewer.userId, payload: { from: 'framing', to: 'data' } });
    await control({ action: 'pause' });
    expected.push({ type: 'paused', userId: interviewer.userId, payload: {} });
    await chat(lead, interviewer.userId, 'Iris', 'Short break.');
    await sleep(20);
    await api.ok(id, 'resume', interviewer.token);
    expected.push({ type: 'resumed', userId: interviewer.userId, payload: {} });
    await control({ action: 'reveal', clarificationId: 'scale' });
    const scale = (await api.read<SessionState>(id, 'state', candidate.token)).body.revealed.find((c) => c.id === 'scale');
    expected.push({ type: 'clarification_revealed', userId: interviewer.userId, payload: { clarificationId: 'scale', question: scale?.question, answer: scale?.answer } });
    // Revealing it twice records it once.
    await control({ action: 'reveal', clarificationId: 'scale' });
    await control({ action: 'step', step: 'model' });
    expected.push({ type: 'step_changed', userId: interviewer.userId, payload: { from: 'data', to: 'model' } });
    await sleep(20);
    const ended = await api.ok(id, 'end', interviewer.token);
    expected.push({ type: 'ended', userId: interviewer.userId, payload: {} });
    // The debrief.
    await chat(cand, candidate.userId, 'Cole', 'Thanks, that was useful.');
    const lastChatId = await chat(lead, interviewer.userId, 'Iris', 'Notes follow by email.');

    const seen = await timelineOf(id, candidate.token);
    expect(seen.map(({ type, userId, payload }) => ({ type, userId, payload }))).toEqual(expected);
    expect(seen.map((e) => e.seq)).toEqual(expected.map((_, i) => i + 1));
    expect(seen[0]?.seq).toBe(firstChatId);
    expect(seen.at(-1)?.seq).toBe(lastChatId);

    // Server times: non-decreasing; atMs null before `started`, and wall-clock time since it after (pauses included).
    const startIndex = seen.findIndex((e) => e.type === 'started');
    expect(startIndex).toBe(3);
    const startedEvent = seen[startIndex] as TimelineEvent;
    expect(startedEvent.at).toBe(started.startedAt);
    expect(seen.find((e) => e.type === 'ended')?.at).toBe(ended.endedAt);
    for (const [i, event] of seen.entries()) {
      if (i > 0) expect(event.at).toBeGreaterThanOrEqual((seen[i - 1] as TimelineEvent).at);
      expect({ seq: event.seq, atMs: event.atMs }).toEqual({ seq: event.seq, atMs: i < startIndex ? null : event.at - startedEvent.at });
    }
    const atMs = seen.slice(startIndex).map((e) => e.atMs ?? -1);
    expect(atMs).toEqual([...atMs].sort((a, b) => a - b));
    expect(atMs[0]).toBe(0);
    // The pause is in atMs (wall clock) but not in the steps' clock.
    const endedAtMs = seen.find((e) => e.type === 'ended')?.atMs ?? 0;
    expect(endedAtMs).toBe((ended.endedAt ?? 0) - (ended.startedAt ?? 0));
    expect(ended.steps.reduce((sum, s) => sum + s.elapsedMs, 0)).toBeLessThan(endedAtMs);

    // Every event today is for everyone: the observer and the interviewer read the same timeline.
    expect(await timelineOf(id, observer.token)).toEqual(seen);
    expect(await timelineOf(id, interviewer.token)).toEqual(seen);

    // The chat history is the chat events, oldest first, with the ids and times of the timeline.
    const history = (await api.read<ChatHistoryResponse>(id, 'chat', observer.token)).body.messages;
    expect(history).toEqual(
      seen.filter((e) => e.type === 'chat').map((e) => ({ id: e.seq, at: e.at, userId: e.userId, displayName: e.payload['displayName'], text: e.payload['text'] })),
    );
    // And what the sockets were pushed matches it.
    expect(cand.messages).toEqual(history);

    // One append-only table holds it all, one row per event.
    const rows = await app.database.db.select().from(sessionEvents).where(eq(sessionEvents.sessionId, id)).orderBy(asc(sessionEvents.seq));
    expect(rows.map((r) => ({ seq: r.seq, type: r.type, visibility: r.visibility }))).toEqual(seen.map((e) => ({ seq: e.seq, type: e.type, visibility: 'all' })));
  });

  it('I6: an event visible to the interviewer only reaches the interviewer’s timeline; the candidate and the observer never see it, and the seqs go on after it', async () => {
    const { session, interviewer, candidate, observer } = await interviewCast(app.baseUrl);
    const id = session.id;
    await api.ok(id, 'start', interviewer.token);
    // A private event such as the rubric notes a later feature adds, written as that feature would.
    const note = 'Private note: strong on retrieval, weak on label delay';
    await app.database.db.insert(sessionEvents).values({
      sessionId: id,
      seq: sql`(select coalesce(max(${sessionEvents.seq}), 0) + 1 from ${sessionEvents} where ${sessionEvents.sessionId} = ${id})`,
      at: new Date(),
      userId: interviewer.userId,
      type: 'note',
      payload: { text: note },
      visibility: 'interviewer',
    });
    const lead = await interviewClient(app.baseUrl, id, interviewer.token, { track: clients });
    expect(await lead.chat({ text: 'after the note' })).toEqual({ ok: true, id: 3 });
    await api.ok(id, 'end', interviewer.token);

    const mine = await timelineOf(id, interviewer.token);
    expect(mine.map((e) => [e.seq, e.type])).toEqual([
      [1, 'started'],
      [2, 'note'],
      [3, 'chat'],
      [4, 'ended'],
    ]);
    expect(mine[1]).toMatchObject({ userId: interviewer.userId, payload: { text: note }, atMs: expect.any(Number) });
    for (const person of [candidate, observer]) {
      const theirs = await timelineOf(id, person.token);
      expect(theirs.map((e) => [e.seq, e.type])).toEqual([
        [1, 'started'],
        [3, 'chat'],
        [4, 'ended'],
      ]);
      expect(JSON.stringify(theirs)).not.toContain('Private note');
      expect(JSON.stringify((await api.read(id, 'chat', person.token)).body)).not.toContain('Private note');
      expect(JSON.stringify((await api.read(id, 'state', person.token)).body)).not.toContain('Private note');
    }
  });

  it('I6: a session nobody has touched has an empty timeline; one cancelled before it started has only `ended`, with atMs null', async () => {
    const { session, interviewer, candidate } = await interviewCast(app.baseUrl);
    expect(await timelineOf(session.id, candidate.token)).toEqual([]);
    const ended = await api.ok(session.id, 'end', interviewer.token);
    expect(await timelineOf(session.id, candidate.token)).toEqual([
      { seq: 1, at: ended.endedAt, atMs: null, type: 'ended', userId: interviewer.userId, payload: { cancelled: true } },
    ]);
  });
});
