import { interviewSessions } from '@mockboard/db';
import { PROBLEMS, STEP_IDS } from '@mockboard/interview';
import type { NextRoundResponse, ProblemBody, SessionView, StoredProblem } from '@mockboard/protocol';
import { eq } from 'drizzle-orm';
import { requestJson } from '../../../../../tests/support/http';
import { interviewClient, sleep, type InterviewClient } from '../../../../../tests/support/interview-clients';
import { bringTo, castSession, command, scoringApi, type ScoringApi } from '../../../../../tests/support/scoring-clients';
import { signUp, type Person } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

/** The smallest custom problem the bank accepts. */
function customProblemBody(title: string): ProblemBody {
  return {
    title,
    summary: 'Predict which parcels arrive late.',
    prompt: 'A courier wants to warn customers before a parcel is late. Design the system.',
    taskType: 'classification',
    tags: [],
    difficulty: 'medium',
    clarifications: [],
    guide: Object.fromEntries(
      STEP_IDS.map((step) => [step, { probes: [] as string[], followUps: [] as string[], strongAnswer: `Strong ${step}.`, redFlags: [] as string[] }]),
    ) as ProblemBody['guide'],
    expectedComponents: [],
  };
}

describe('feedback and role swap', () => {
  let app: TestApp;
  let api: ScoringApi;
  let interviewer: Person;
  let candidate: Person;
  let observer: Person;
  let stranger: Person;
  const clients: InterviewClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ROOM_CONTROLS_BURST: '10000', SESSIONS_PER_HOUR: '10000' });
    api = scoringApi(app.baseUrl);
    [interviewer, candidate, observer, stranger] = (await Promise.all(['Imre', 'Cleo', 'Oden', 'Sven'].map((name) => signUp(app.baseUrl, name)))) as [
      Person,
      Person,
      Person,
      Person,
    ];
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(() => app.close());

  const newSession = async (options: { problemSlug?: string; people?: { interviewer: Person; candidate?: Person } } = {}) =>
    // With an empty candidate seat an observer would take it, so only a full session gets one.
    (await castSession(app.baseUrl, { ...(options.people ?? { interviewer, candidate }), observers: options.people?.candidate === undefined && options.people ? [] : [observer] }, options.problemSlug)).id;
  const nextRoundsOf = (id: string) => app.database.db.select({ id: interviewSessions.id }).from(interviewSessions).where(eq(interviewSessions.previousSessionId, id));

  describe('R5: mutual feedback', () => {
    it('R5: 409 before the end; after it the candidate rates, updates and always reads their own; the interviewer reads it only once released; frozen after', async () => {
      const id = await newSession();
      expect((await api.feedback(id, candidate.token)).body).toEqual({ feedback: null });
      for (const phase of ['scheduled', 'live'] as const) {
        if (phase === 'live') await command(app.baseUrl, id, 'start', interviewer.token);
        const early = await api.saveFeedback(id, candidate.token, { helpfulness: 4 });
        expect({ phase, status: early.status, message: early.body.error?.message }).toEqual({
          phase,
          status: 409,
          message: 'Feedback opens once the interview has ended',
        });
      }
      await command(app.baseUrl, id, 'end', interviewer.token);

      const first = await api.saveFeedback(id, candidate.token, { helpfulness: 2 });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ helpfulness: 2, comment: '', updatedAt: expect.any(String) });
      expect((await api.feedback(id, candidate.token)).body).toEqual({ feedback: first.body });
      expect((await api.feedback(id, interviewer.token)).status).toBe(403);

      await sleep(5);
      const second = await api.saveFeedback(id, candidate.token, { helpfulness: 4, comment: '  Great follow-up questions.\r\nThanks!  ' });
      expect(second.body).toEqual({ helpfulness: 4, comment: 'Great follow-up questions.\nThanks!', updatedAt: expect.any(String) });
      expect(Date.parse(second.body.updatedAt)).toBeGreaterThan(Date.parse(first.body.updatedAt));

      expect((await api.saveDraft(id, interviewer.token, { steps: STEP_IDS.map((step) => ({ step, score: 3 })), recommendation: 'hire' })).status).toBe(200);
      expect((await api.submit(id, interviewer.token)).status).toBe(200);
      // Submitted is not released: the interviewer still may not read it, the candidate may still change it.
      const interviewerEarly = await api.feedback(id, interviewer.token);
      expect({ status: interviewerEarly.status, message: interviewerEarly.body.error?.message }).toEqual({
        status: 403,
        message: 'The scorecard has not been released to you',
      });
      const third = await api.saveFeedback(id, candidate.token, { helpfulness: 3, comment: 'Clear prompts.' });
      expect(third.status).toBe(200);

      expect((await api.release(id, interviewer.token)).status).toBe(200);
      expect((await api.feedback(id, interviewer.token)).body).toEqual({ feedback: third.body });
      const late = await api.saveFeedback(id, candidate.token, { helpfulness: 1, comment: 'Changed my mind' });
      expect({ status: late.status, message: late.body.error?.message }).toEqual({ status: 409, message: 'The scorecard is released: your feedback is final' });
      expect((await api.feedback(id, candidate.token)).body).toEqual({ feedback: third.body });
      expect((await api.feedback(id, interviewer.token)).body).toEqual({ feedback: third.body });
    });

    it('R5: the interviewer reads `null` after release when the candidate never rated; observers and strangers get 403 on both routes', async () => {
      const id = await newSession();
      await bringTo(app.baseUrl, id, interviewer, 'released');
      expect((await api.feedback(id, interviewer.token)).body).toEqual({ feedback: null });
      for (const person of [observer, stranger]) {
        expect((await api.feedback(id, person.token)).status).toBe(403);
        expect((await api.saveFeedback(id, person.token, { helpfulness: 4 })).status).toBe(403);
      }
      const interviewerRates = await api.saveFeedback(id, interviewer.token, { helpfulness: 4 });
      expect({ status: interviewerRates.status, message: interviewerRates.body.error?.message }).toEqual({
        status: 403,
        message: 'Only the candidate rates the interviewer',
      });
    });

    it.each<[string, unknown, RegExp]>([
      ['no helpfulness', { comment: 'ok' }, /^helpfulness: must be 1, 2, 3 or 4/],
      ['a helpfulness of 0', { helpfulness: 0 }, /^helpfulness: /],
      ['a helpfulness of 5', { helpfulness: 5 }, /^helpfulness: /],
      ['a helpfulness of 2.5', { helpfulness: 2.5 }, /^helpfulness: /],
      ['a helpfulness as a string', { helpfulness: '3' }, /^helpfulness: /],
      ['a comment of 2001 characters', { helpfulness: 3, comment: 'c'.repeat(2001) }, /^comment: /],
      ['a comment that is not text', { helpfulness: 3, comment: ['nice'] }, /^comment: /],
      ['an unknown field', { helpfulness: 3, stars: 5 }, /"stars"/],
    ])('R5: feedback with %s is 400 naming the field, and nothing is stored', async (_name, body, field) => {
      const id = await newSession();
      await command(app.baseUrl, id, 'end', interviewer.token);
      const response = await api.saveFeedback(id, candidate.token, body);
      expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 400, code: 'invalid_body' });
      expect(response.body.error?.message).toMatch(field);
      expect((await api.feedback(id, candidate.token)).body).toEqual({ feedback: null });
    });
  });

  describe('R6: role swap', () => {
    it('R6: before the end 409; observers and strangers 403; a session with an empty seat 409', async () => {
      const id = await newSession();
      await command(app.baseUrl, id, 'start', interviewer.token);
      for (const person of [interviewer, candidate]) {
        const early = await api.swap(id, person.token, {});
        expect({ status: early.status, message: early.body.error?.message }).toEqual({ status: 409, message: 'Roles can be swapped once the interview has ended' });
      }
      await command(app.baseUrl, id, 'end', interviewer.token);
      for (const person of [observer, stranger]) expect((await api.swap(id, person.token, {})).status).toBe(403);
      expect(await nextRoundsOf(id)).toEqual([]);

      const alone = await newSession({ people: { interviewer } });
      await command(app.baseUrl, alone, 'end', interviewer.token);
      const response = await api.swap(alone, interviewer.token, {});
      expect({ status: response.status, message: response.body.error?.message }).toEqual({ status: 409, message: 'Swapping roles needs both seats taken' });
    });

    it('R6: GET next-round suggests the problem a swap without one uses, then names the round; observers and strangers 403', async () => {
      const id = await newSession();
      await command(app.baseUrl, id, 'end', interviewer.token);
      const nextRound = (person: Person) => requestJson<NextRoundResponse>(app.baseUrl, `/api/sessions/${id}/next-round`, { token: person.token });
      for (const person of [observer, stranger]) expect((await nextRound(person)).status).toBe(403);
      const before = await nextRound(candidate);
      expect(before.status).toBe(200);
      expect(before.body.nextSessionId).toBeNull();
      // The suggestion is for the next round's candidate, today's interviewer, whoever asks.
      expect((await nextRound(interviewer)).body.suggestedProblemSlug).toBe(before.body.suggestedProblemSlug);
      const swapped = await api.swap(id, candidate.token, {});
      expect(swapped.body.problem.slug).toBe(before.body.suggestedProblemSlug);
      expect((await nextRound(interviewer)).body.nextSessionId).toBe(swapped.body.id);
    });

    it('R6: the next round has the same two people with seats reversed, the same length, no observers, and links both ways', async () => {
      const created = await requestJson<SessionView>(app.baseUrl, '/api/sessions', { body: { problemSlug: 'fraud-detection', durationMinutes: 60 }, token: interviewer.token });
      const id = created.body.id;
      for (const [person, role] of [
        [candidate, 'candidate'],
        [observer, 'observer'],
      ] as const) {
        const joined = await requestJson<{ role: string }>(app.baseUrl, '/api/sessions/join', { body: { inviteCode: created.body.inviteCode }, token: person.token });
        expect(joined.body.role).toBe(role);
      }
      await bringTo(app.baseUrl, id, interviewer, 'ended');

      const swapped = await api.swap(id, candidate.token, {});
      expect(swapped.status).toBe(201);
      const next = swapped.body;
      expect(next).toMatchObject({ status: 'scheduled', durationMinutes: 60, myRole: 'interviewer', previousSessionId: id, nextSessionId: null, startedAt: null });
      expect(next.id).not.toBe(id);
      expect(next.participants.map((p) => [p.userId, p.role]).sort()).toEqual(
        [
          [candidate.userId, 'interviewer'],
          [interviewer.userId, 'candidate'],
        ].sort(),
      );
      expect(next.scorecard).toEqual({ status: 'none', recommendation: null, averageScore: null });

      // Both see it from their side; the observer did not come along.
      expect((await api.session(next.id, interviewer.token)).body).toMatchObject({ myRole: 'candidate', previousSessionId: id });
      expect((await api.session(next.id, observer.token)).status).toBe(403);
      for (const person of [interviewer, candidate, observer]) {
        expect((await api.session(id, person.token)).body).toMatchObject({ nextSessionId: next.id, previousSessionId: null });
      }
      const listed = (await requestJson<{ sessions: SessionView[] }>(app.baseUrl, '/api/sessions', { token: interviewer.token })).body.sessions;
      expect(listed.find((s) => s.id === id)?.nextSessionId).toBe(next.id);
      expect(listed.find((s) => s.id === next.id)?.previousSessionId).toBe(id);

      // The new interviewer runs it: their scorecard, their commands.
      await command(app.baseUrl, next.id, 'start', candidate.token);
      expect((await api.saveDraft(next.id, candidate.token, {})).status).toBe(200);
      expect((await api.saveDraft(next.id, interviewer.token, {})).status).toBe(403);
    });

    it('R6: a repeat by either person, later or with another body, answers 200 with the same round', async () => {
      const id = await newSession();
      await bringTo(app.baseUrl, id, interviewer, 'released');
      const first = await api.swap(id, interviewer.token, { problemSlug: 'news-feed' });
      expect(first.status).toBe(201);
      expect(first.body.myRole).toBe('candidate');
      for (const [person, body] of [
        [candidate, {}],
        [interviewer, undefined],
        [candidate, { problemSlug: 'eta-prediction' }],
      ] as const) {
        const again = await api.swap(id, person.token, body);
        expect({ status: again.status, id: again.body.id, problem: again.body.problem.slug }).toEqual({ status: 200, id: first.body.id, problem: 'news-feed' });
      }
      expect(await nextRoundsOf(id)).toHaveLength(1);
    });

    it('R6: both pressing "Swap roles" at once make one round: one 201 and one 200 with the same id', async () => {
      for (let round = 0; round < 4; round++) {
        const id = await newSession();
        await bringTo(app.baseUrl, id, interviewer, 'ended');
        const answers = await Promise.all([api.swap(id, interviewer.token, {}), api.swap(id, candidate.token, {})]);
        expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
        expect(answers[0].body.id).toBe(answers[1].body.id);
        expect(answers.map((a) => a.body.myRole)).toEqual(['candidate', 'interviewer']);
        const rounds = await nextRoundsOf(id);
        expect(rounds).toEqual([{ id: answers[0].body.id }]);
      }
    });

    it('R6: a problem given is used; a malformed slug is 400, an unknown one 400, another user’s custom problem 404, the caller’s own custom problem is fine', async () => {
      const ended = async () => {
        const id = await newSession();
        await bringTo(app.baseUrl, id, interviewer, 'ended');
        return id;
      };
      const id = await ended();
      for (const [body, field] of [
        [{ problemSlug: 'Not A Slug' }, /^problemSlug: must be a problem slug/],
        [{ problemSlug: 42 }, /^problemSlug: must be a string/],
        [{ problemSlug: 'fraud-detection', role: 'candidate' }, /"role"/],
        [{ problemSlug: 'no-such-problem' }, /^problemSlug: unknown problem "no-such-problem"/],
      ] as const) {
        const response = await api.swap(id, candidate.token, body);
        expect({ body, status: response.status, code: response.body.error?.code }).toEqual({ body, status: 400, code: 'invalid_body' });
        expect(response.body.error?.message).toMatch(field);
      }
      const theirs = await requestJson<StoredProblem>(app.baseUrl, '/api/problems', { body: customProblemBody('Stranger parcels'), token: stranger.token });
      expect(theirs.status).toBe(201);
      const foreign = await api.swap(id, candidate.token, { problemSlug: theirs.body.slug });
      expect({ status: foreign.status, code: foreign.body.error?.code }).toEqual({ status: 404, code: 'not_found' });
      expect(await nextRoundsOf(id)).toEqual([]);

      const given = await api.swap(id, candidate.token, { problemSlug: 'street-view-blurring' });
      expect({ status: given.status, problem: given.body.problem.slug }).toEqual({ status: 201, problem: 'street-view-blurring' });

      const own = await requestJson<StoredProblem>(app.baseUrl, '/api/problems', { body: customProblemBody('Cleo parcels'), token: candidate.token });
      const withOwn = await api.swap(await ended(), candidate.token, { problemSlug: own.body.slug });
      expect({ status: withOwn.status, problem: withOwn.body.problem.slug, title: withOwn.body.problem.title }).toEqual({
        status: 201,
        problem: own.body.slug,
        title: 'Cleo parcels',
      });
    });

    it('R6: by default the problem is a built-in one the new candidate has not practised as candidate, nor the one just used', async () => {
      const [newCandidate, newInterviewer] = await Promise.all([signUp(app.baseUrl, 'Nina'), signUp(app.baseUrl, 'Nils')]);
      const [first, second, third] = PROBLEMS.map((p) => p.slug);
      // Nina was the candidate on the first problem before; now she interviews Nils on the second.
      await newSession({ problemSlug: first, people: { interviewer: newInterviewer, candidate: newCandidate } });
      const id = await newSession({ problemSlug: second, people: { interviewer: newCandidate, candidate: newInterviewer } });
      await bringTo(app.baseUrl, id, newCandidate, 'ended');
      const swapped = await api.swap(id, newInterviewer.token, {});
      expect(swapped.status).toBe(201);
      expect(swapped.body.problem.slug).toBe(third);
      expect(swapped.body.myRole).toBe('interviewer');
    });

    it('R6: swapping again from the next round gives a third with the seats back, linked in a chain', async () => {
      const id = await newSession();
      await bringTo(app.baseUrl, id, interviewer, 'ended');
      const second = (await api.swap(id, interviewer.token, {})).body;
      await command(app.baseUrl, second.id, 'start', candidate.token);
      await command(app.baseUrl, second.id, 'end', candidate.token);
      const third = await api.swap(second.id, candidate.token, {});
      expect(third.status).toBe(201);
      expect(third.body).toMatchObject({ previousSessionId: second.id, myRole: 'candidate' });
      expect(third.body.participants.find((p) => p.role === 'interviewer')?.userId).toBe(interviewer.userId);
      expect((await api.session(second.id, interviewer.token)).body).toMatchObject({ previousSessionId: id, nextSessionId: third.body.id });
    });

    it('R6/I1: everyone still in the old room is pushed session:state with the next round’s id; before that it is null', async () => {
      const id = await newSession();
      await bringTo(app.baseUrl, id, interviewer, 'ended');
      const sockets = await Promise.all([interviewer, candidate, observer].map((person) => interviewClient(app.baseUrl, id, person.token, { track: clients })));
      for (const socket of sockets) expect(socket.latest().nextSessionId).toBeNull();
      const swapped = await api.swap(id, candidate.token, {});
      expect(swapped.status).toBe(201);
      for (const socket of sockets) {
        const state = await socket.waitForState((s) => s.nextSessionId === swapped.body.id, 'the state with nextSessionId');
        expect(state).toMatchObject({ status: 'ended', nextSessionId: swapped.body.id });
      }
      // GET state says the same, for someone who reloads.
      const state = await requestJson<{ nextSessionId: string | null }>(app.baseUrl, `/api/sessions/${id}/state`, { token: observer.token });
      expect(state.body.nextSessionId).toBe(swapped.body.id);
    });
  });
});
