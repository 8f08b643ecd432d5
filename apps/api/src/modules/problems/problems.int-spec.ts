import { PROBLEMS, STEP_IDS } from '@mockboard/interview';
import type { ProblemBody, ProblemListResponse, SessionGuide, SessionView, StoredProblem } from '@mockboard/protocol';
import { requestJson } from '../../../../../tests/support/http';
import { interviewApi, signInGuest } from '../../../../../tests/support/interview-clients';
import { joinSession, signUp, type Person } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

const SUMMARY_KEYS = ['custom', 'difficulty', 'slug', 'summary', 'tags', 'taskType', 'title'];
const BRIEF_KEYS = [...SUMMARY_KEYS, 'prompt'].sort();

/** A whole custom problem as its author writes it; every guide line names its step so it can be searched for. */
function problemBody(overrides: Partial<Record<keyof ProblemBody, unknown>> = {}): ProblemBody {
  const guide = Object.fromEntries(
    STEP_IDS.map((step) => [
      step,
      {
        probes: [`Podcast probe for ${step}: what would you ask first?`],
        followUps: [`Podcast follow-up for ${step}: and for a brand new show?`],
        strongAnswer: `Podcast strong answer for ${step}.`,
        redFlags: [`Podcast red flag for ${step}.`],
      },
    ]),
  );
  return {
    title: 'Podcast recommendations',
    summary: 'Suggest the next episode to listen to.',
    prompt: 'A podcast app wants to suggest the next episode each listener will enjoy. Design the system.',
    taskType: 'ranking',
    tags: ['audio', 'recommendation'],
    difficulty: 'medium',
    clarifications: [
      { question: 'How many shows are there?', answer: 'About two million shows, 50 million episodes.' },
      { question: 'What is the latency budget?', answer: '150 ms at p99 for the home screen.' },
    ],
    guide,
    expectedComponents: ['candidate-generation', 'ranker', 'feature-store-online'],
    ...overrides,
  } as ProblemBody;
}

/** Rule I8: custom problems, private to their author; and the bank's public reads (rule I4). */
describe('problems API', () => {
  let app: TestApp;
  let api: ReturnType<typeof interviewApi>;

  beforeAll(async () => {
    app = await startTestApp();
    api = interviewApi(app.baseUrl);
  });
  afterAll(() => app.close());

  const call = <T>(method: string, path: string, token: string | undefined, body?: unknown) => requestJson<T & { error?: { code: string; message: string } }>(app.baseUrl, path, { method, token, body });
  const create = async (author: Person, body: unknown = problemBody()) => {
    const response = await call<StoredProblem>('POST', '/api/problems', author.token, body);
    expect(response.status).toBe(201);
    return response.body;
  };

  it('I8: GET /api/problems lists the 14+ built-ins as summaries, then the caller’s own custom problems and nobody else’s; signed out it is 401', async () => {
    const [author, other] = await Promise.all([signUp(app.baseUrl, 'Author'), signUp(app.baseUrl, 'Other')]);
    const mine = await create(author);
    const list = async (person: Person) => (await call<ProblemListResponse>('GET', '/api/problems', person.token)).body.problems;

    const authorList = await list(author);
    const builtIns = authorList.filter((p) => !p.custom);
    expect(builtIns.length).toBeGreaterThanOrEqual(14);
    expect(builtIns.map((p) => p.slug)).toEqual(PROBLEMS.map((p) => p.slug));
    for (const problem of authorList) expect(Object.keys(problem).sort()).toEqual(SUMMARY_KEYS);
    expect(authorList.filter((p) => p.custom)).toEqual([
      { slug: mine.slug, title: 'Podcast recommendations', summary: 'Suggest the next episode to listen to.', taskType: 'ranking', tags: ['audio', 'recommendation'], difficulty: 'medium', custom: true },
    ]);
    expect((await list(other)).some((p) => p.slug === mine.slug)).toBe(false);
    expect((await list(other)).filter((p) => p.custom)).toEqual([]);
    // A summary is a summary: no prompt, guide or clarification in the list.
    const text = JSON.stringify(authorList);
    expect(text).not.toContain('Podcast probe');
    expect(text).not.toContain('two million shows');
    expect(text).not.toContain(PROBLEMS[0]?.clarifications[0]?.answer ?? '??');
    expect((await call('GET', '/api/problems', undefined)).status).toBe(401);
  });

  it('I8: POST makes the slug (`custom-…`) and the clarification ids, answers 201 with the stored problem; the author reads it whole at /definition, everyone the brief at /:slug', async () => {
    const author = await signUp(app.baseUrl, 'Maker');
    const stored = await create(author);
    expect(stored.slug).toMatch(/^custom-podcast-recommendations-[0-9a-z]+$/);
    expect(stored).toMatchObject({
      title: 'Podcast recommendations',
      custom: true,
      taskType: 'ranking',
      guide: problemBody().guide,
      expectedComponents: ['candidate-generation', 'ranker', 'feature-store-online'],
      metrics: { offline: expect.arrayContaining(['NDCG']), online: expect.any(Array) },
    });
    expect(stored.clarifications.map(({ question, answer }) => ({ question, answer }))).toEqual(problemBody().clarifications);
    const ids = stored.clarifications.map((c) => c.id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);

    // Same title, another slug; a slug, an id or `custom` from the client is refused, not used.
    expect((await create(author)).slug).not.toBe(stored.slug);
    for (const extra of [{ slug: 'custom-mine' }, { custom: false }, { metrics: { offline: [], online: [] } }]) {
      const response = await call('POST', '/api/problems', author.token, { ...problemBody(), ...extra });
      expect({ extra, status: response.status }).toEqual({ extra, status: 400 });
    }
    const withIds = await call('POST', '/api/problems', author.token, problemBody({ clarifications: [{ id: 'x', question: 'Q?', answer: 'A.' }] }));
    expect(withIds.status).toBe(400);

    const definition = await call<StoredProblem>('GET', `/api/problems/${stored.slug}/definition`, author.token);
    expect(definition.status).toBe(200);
    expect(definition.body).toEqual(stored);

    const brief = await call<Record<string, unknown>>('GET', `/api/problems/${stored.slug}`, author.token);
    expect(brief.status).toBe(200);
    expect(Object.keys(brief.body).sort()).toEqual(BRIEF_KEYS);
    expect(brief.body).toMatchObject({ slug: stored.slug, prompt: problemBody().prompt, custom: true });
  });

  it('I4: GET /api/problems/:slug of a built-in problem is its brief: no guide and no clarification; /definition is only for custom problems, and only their author’s', async () => {
    const reader = await signUp(app.baseUrl, 'Reader');
    for (const problem of PROBLEMS) {
      const brief = await call<Record<string, unknown>>('GET', `/api/problems/${problem.slug}`, reader.token);
      expect(brief.status).toBe(200);
      expect(Object.keys(brief.body).sort()).toEqual(BRIEF_KEYS);
      expect(brief.body).toMatchObject({ slug: problem.slug, title: problem.title, prompt: problem.prompt, custom: false });
      const text = JSON.stringify(brief.body);
      for (const step of STEP_IDS) expect(text).not.toContain(JSON.stringify(problem.guide[step].strongAnswer).slice(1, -1));
      for (const clarification of problem.clarifications) expect(text).not.toContain(JSON.stringify(clarification.answer).slice(1, -1));
      expect((await call('GET', `/api/problems/${problem.slug}/definition`, reader.token)).status).toBe(404);
    }
    expect((await call('GET', '/api/problems/no-such-problem', reader.token)).status).toBe(404);
    expect((await call('GET', '/api/problems/video-recommendation', undefined)).status).toBe(401);
  });

  it('I8: PUT answers 200 with the stored problem, keeps the slug, keeps the id of a clarification whose question is unchanged and gives new questions new ids', async () => {
    const author = await signUp(app.baseUrl, 'Editor');
    const stored = await create(author);
    const [shows, latency] = stored.clarifications;
    const edited = problemBody({
      title: 'Podcast episode recommendations',
      clarifications: [
        { question: 'What is the latency budget?', answer: 'Now 100 ms at p99.' },
        { question: 'Is there a cold-start problem?', answer: 'Yes: 10,000 new shows a day.' },
      ],
      taskType: 'retrieval',
    });
    const response = await call<StoredProblem>('PUT', `/api/problems/${stored.slug}`, author.token, edited);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ slug: stored.slug, title: 'Podcast episode recommendations', taskType: 'retrieval', custom: true });
    const [kept, added] = response.body.clarifications;
    expect(kept).toEqual({ id: latency?.id, question: 'What is the latency budget?', answer: 'Now 100 ms at p99.' });
    expect(added?.question).toBe('Is there a cold-start problem?');
    // A new question never takes the id of one that was removed: a session that revealed it keeps meaning it.
    expect([shows?.id, latency?.id]).not.toContain(added?.id);
    expect((await call<StoredProblem>('GET', `/api/problems/${stored.slug}/definition`, author.token)).body).toEqual(response.body);
    expect((await call<{ title: string }>('GET', `/api/problems/${stored.slug}`, author.token)).body.title).toBe('Podcast episode recommendations');
  });

  it('I8: clarification ids stay unique when a question is written twice, on POST and on PUT', async () => {
    const author = await signUp(app.baseUrl, 'Twice');
    const twice = [
      { question: 'What is the latency budget?', answer: 'For the home screen: 150 ms.' },
      { question: 'What is the latency budget?', answer: 'For search: 300 ms.' },
    ];
    const stored = await create(author, problemBody({ clarifications: twice }));
    expect(new Set(stored.clarifications.map((c) => c.id)).size).toBe(2);
    // The original body already has that question, so its id is there to be kept: it must be kept once only.
    const original = await create(author);
    const edited = await call<StoredProblem>('PUT', `/api/problems/${original.slug}`, author.token, problemBody({ clarifications: twice }));
    expect(edited.status).toBe(200);
    const ids = edited.body.clarifications.map((c) => c.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids[0]).toBe(original.clarifications[1]?.id);
  });

  it('I8/I4: an id is never given to another question, even after its own was removed: a session that revealed it does not show a new, unrevealed one', async () => {
    const [author, interviewer] = await Promise.all([signUp(app.baseUrl, 'Reviser'), signUp(app.baseUrl, 'Lead')]);
    const stored = await create(author);
    const [kept, removed] = stored.clarifications;
    const created = await call<SessionView>('POST', '/api/sessions', author.token, { problemSlug: stored.slug, role: 'candidate' });
    await joinSession(app.baseUrl, interviewer, created.body.inviteCode ?? '');
    await api.ok(created.body.id, 'reveal', interviewer.token, { clarificationId: removed?.id });

    const secret = { question: 'What does the data team know?', answer: 'A secret the candidate must ask for.' };
    const without = { clarifications: [{ question: kept?.question, answer: kept?.answer }] };
    expect((await call('PUT', `/api/problems/${stored.slug}`, author.token, problemBody(without))).status).toBe(200);
    const edited = await call<StoredProblem>('PUT', `/api/problems/${stored.slug}`, author.token, problemBody({ clarifications: [...without.clarifications, secret] }));
    expect(edited.status).toBe(200);
    const added = edited.body.clarifications[1];
    expect(added?.question).toBe(secret.question);
    expect([kept?.id, removed?.id]).not.toContain(added?.id);

    const state = await api.read<{ revealed: Array<{ id: string }> }>(created.body.id, 'state', author.token);
    expect(JSON.stringify(state.body)).not.toContain(secret.answer);
    const guide = await api.read<SessionGuide>(created.body.id, 'guide', interviewer.token);
    expect(guide.body.clarifications.find((c) => c.question === secret.question)?.revealed).toBe(false);
  });

  it('I8: another user’s problem is 404 for GET, /definition, PUT (whatever the body), DELETE and for creating a session with it; it stays unchanged', async () => {
    const [author, other] = await Promise.all([signUp(app.baseUrl, 'Owner'), signUp(app.baseUrl, 'Snoop')]);
    const stored = await create(author);
    const notFound = async (method: string, path: string, body?: unknown) => {
      const response = await call(method, path, other.token, body);
      expect({ method, path, status: response.status, code: response.body?.error?.code }).toEqual({ method, path, status: 404, code: 'not_found' });
      // Said the same way as for a problem that does not exist.
      expect(response.body?.error?.message).not.toContain('Owner');
    };
    await notFound('GET', `/api/problems/${stored.slug}`);
    await notFound('GET', `/api/problems/${stored.slug}/definition`);
    await notFound('PUT', `/api/problems/${stored.slug}`, problemBody({ title: 'Hijacked' }));
    await notFound('PUT', `/api/problems/${stored.slug}`, { title: '' });
    await notFound('DELETE', `/api/problems/${stored.slug}`);
    await notFound('POST', '/api/sessions', { problemSlug: stored.slug });
    await notFound('POST', '/api/sessions', { problemSlug: stored.slug, role: 'candidate' });
    // One that does not exist at all answers alike.
    await notFound('GET', '/api/problems/custom-nothing-here-0123456789');
    await notFound('POST', '/api/sessions', { problemSlug: 'custom-nothing-here-0123456789' });

    expect((await call<StoredProblem>('GET', `/api/problems/${stored.slug}/definition`, author.token)).body).toEqual(stored);
  });

  it('I8: DELETE answers 204; the problem is then gone for its author too (404 everywhere, out of the list, no new session)', async () => {
    const author = await signUp(app.baseUrl, 'Deleter');
    const stored = await create(author);
    expect((await call('DELETE', `/api/problems/${stored.slug}`, author.token)).status).toBe(204);
    for (const [method, path, body] of [
      ['GET', `/api/problems/${stored.slug}`, undefined],
      ['GET', `/api/problems/${stored.slug}/definition`, undefined],
      ['PUT', `/api/problems/${stored.slug}`, problemBody()],
      ['DELETE', `/api/problems/${stored.slug}`, undefined],
      ['POST', '/api/sessions', { problemSlug: stored.slug }],
    ] as const) {
      expect({ method, path, status: (await call(method, path, author.token, body)).status }).toEqual({ method, path, status: 404 });
    }
    expect((await call<ProblemListResponse>('GET', '/api/problems', author.token)).body.problems.some((p) => p.slug === stored.slug)).toBe(false);
    // Built-in problems are nobody's to edit or delete.
    expect((await call('DELETE', '/api/problems/video-recommendation', author.token)).status).toBe(404);
    expect((await call('PUT', '/api/problems/video-recommendation', author.token, problemBody())).status).toBe(404);
  });

  it('I8: a guest may read the bank but not write a problem: POST is 403 whatever the body', async () => {
    const guest = await signInGuest(app.baseUrl, 'Visitor');
    expect((await call<ProblemListResponse>('GET', '/api/problems', guest.token)).body.problems.filter((p) => p.custom)).toEqual([]);
    for (const body of [problemBody(), { title: '' }, {}]) {
      const response = await call('POST', '/api/problems', guest.token, body);
      expect({ body, status: response.status, code: response.body?.error?.code }).toEqual({ body, status: 403, code: 'forbidden' });
    }
    expect((await call('POST', '/api/problems', undefined, problemBody())).status).toBe(401);
  });

  it('I8: the largest problem the schema allows fits the API\'s body limit and is stored whole', async () => {
    const author = await signUp(app.baseUrl, 'Prolific');
    const item = (n: number) => 'p'.repeat(n);
    const fullStep = { probes: Array(10).fill(item(300)), followUps: Array(10).fill(item(300)), strongAnswer: item(1500), redFlags: Array(10).fill(item(300)) };
    const body = problemBody({
      title: item(120),
      summary: item(200),
      prompt: item(3000),
      tags: Array(8).fill(item(30)),
      clarifications: Array.from({ length: 12 }, (_, i) => ({ question: `${i} ${item(290)}`, answer: item(800) })),
      guide: Object.fromEntries(STEP_IDS.map((step) => [step, fullStep])),
    });
    const created = await call<StoredProblem>('POST', '/api/problems', author.token, body);
    expect(created.status).toBe(201);
    expect(created.body.guide.monitoring.redFlags).toHaveLength(10);
    // One more item anywhere is refused by the schema, not by the body limit.
    const over = await call('POST', '/api/problems', author.token, { ...body, guide: { ...body.guide, data: { ...fullStep, probes: Array(11).fill('x') } } });
    expect(over.body?.error?.code).toBe('invalid_body');
  });

  it('I8: an invalid body is 400 invalid_body naming the field, on POST and on PUT', async () => {
    const author = await signUp(app.baseUrl, 'Validator');
    const stored = await create(author);
    const { monitoring: _monitoring, ...sixSteps } = problemBody().guide;
    const cases: Array<[string, unknown]> = [
      ['title', problemBody({ title: undefined })],
      ['title', problemBody({ title: '   ' })],
      ['title', problemBody({ title: 'x'.repeat(121) })],
      ['title', problemBody({ title: 'line\nbreak' })],
      ['summary', problemBody({ summary: 42 })],
      ['prompt', problemBody({ prompt: '' })],
      ['taskType', problemBody({ taskType: 'clustering' })],
      ['tags', problemBody({ tags: 'audio' })],
      ['tags', problemBody({ tags: Array.from({ length: 9 }, (_, i) => `t${i}`) })],
      ['difficulty', problemBody({ difficulty: 'extreme' })],
      ['clarifications.0.answer', problemBody({ clarifications: [{ question: 'Q?' }] })],
      ['clarifications.0.question', problemBody({ clarifications: [{ question: '', answer: 'A.' }] })],
      ['guide.monitoring', problemBody({ guide: sixSteps })],
      ['guide.data.probes', problemBody({ guide: { ...problemBody().guide, data: { ...problemBody().guide.data, probes: 'one' } } })],
      ['guide.model.strongAnswer', problemBody({ guide: { ...problemBody().guide, model: { ...problemBody().guide.model, strongAnswer: '' } } })],
      ['deployment', problemBody({ guide: { ...problemBody().guide, deployment: problemBody().guide.data } })],
      ['expectedComponents.0', problemBody({ expectedComponents: ['quantum-computer'] })],
      ['expectedComponents', problemBody({ expectedComponents: ['ranker', 'ranker'] })],
      ['slug', { ...problemBody(), slug: 'custom-mine' }],
    ];
    for (const [field, body] of cases) {
      for (const [method, path] of [
        ['POST', '/api/problems'],
        ['PUT', `/api/problems/${stored.slug}`],
      ] as const) {
        const response = await call(method, path, author.token, body);
        expect({ method, field, status: response.status, code: response.body?.error?.code }).toEqual({ method, field, status: 400, code: 'invalid_body' });
        expect({ method, field, message: response.body?.error?.message }).toEqual({ method, field, message: expect.stringContaining(field) });
      }
    }
    // Nothing was changed by the refused edits.
    expect((await call<StoredProblem>('GET', `/api/problems/${stored.slug}/definition`, author.token)).body).toEqual(stored);
  });

  it('I8/I4: the interviewer of a session using a custom problem sees its guide though not its author; the author, as candidate, does not; after the author deletes it the session keeps it', async () => {
    const [author, interviewer] = await Promise.all([signUp(app.baseUrl, 'Practiser'), signUp(app.baseUrl, 'Peer')]);
    const stored = await create(author);
    const created = await call<SessionView>('POST', '/api/sessions', author.token, { problemSlug: stored.slug, role: 'candidate' });
    expect(created.status).toBe(201);
    expect((await joinSession(app.baseUrl, interviewer, created.body.inviteCode ?? '')).role).toBe('interviewer');
    const id = created.body.id;

    const guide = await api.read<SessionGuide>(id, 'guide', interviewer.token);
    expect(guide.status).toBe(200);
    expect(guide.body.problem).toMatchObject({ slug: stored.slug, title: stored.title, prompt: stored.prompt, custom: true });
    expect(guide.body.clarifications).toEqual(stored.clarifications.map((c) => ({ ...c, revealed: false })));
    expect(guide.body.steps.map((s) => s.step)).toEqual(STEP_IDS);
    expect(guide.body.steps.find((s) => s.step === 'data')).toMatchObject({ goal: expect.any(String), ...problemBody().guide.data });
    expect(guide.body.expectedComponents).toEqual(stored.expectedComponents);
    expect(guide.body.metrics).toEqual(stored.metrics);
    // The author is the candidate here: the guide is the interviewer's, not the author's.
    expect((await api.read(id, 'guide', author.token)).status).toBe(403);
    // The interviewer sees the problem through the session, not through the author's private routes.
    expect((await call('GET', `/api/problems/${stored.slug}`, interviewer.token)).status).toBe(404);
    const asInterviewer = await call<SessionView>('GET', `/api/sessions/${id}`, interviewer.token);
    expect(asInterviewer.body.problem).toEqual({ slug: stored.slug, title: stored.title, summary: stored.summary, prompt: stored.prompt, taskType: 'ranking', tags: stored.tags, difficulty: 'medium', custom: true });

    const firstId = stored.clarifications[0]?.id ?? '';
    const revealed = await api.ok(id, 'reveal', interviewer.token, { clarificationId: firstId });
    expect(revealed.revealed).toEqual([{ id: firstId, question: stored.clarifications[0]?.question, answer: stored.clarifications[0]?.answer }]);

    expect((await call('DELETE', `/api/problems/${stored.slug}`, author.token)).status).toBe(204);
    const afterDelete = await api.read<SessionGuide>(id, 'guide', interviewer.token);
    expect(afterDelete.status).toBe(200);
    expect(afterDelete.body.clarifications).toEqual(stored.clarifications.map((c) => ({ ...c, revealed: c.id === firstId })));
    expect(afterDelete.body.steps).toEqual(guide.body.steps);
    for (const person of [author, interviewer]) {
      expect((await call<SessionView>('GET', `/api/sessions/${id}`, person.token)).body.problem).toEqual(asInterviewer.body.problem);
    }
    expect((await api.read<{ revealed: unknown[] }>(id, 'state', author.token)).body.revealed).toEqual(revealed.revealed);
    expect((await call<{ problem: { title: string } }>('GET', `/api/invites/${created.body.inviteCode ?? ''}`, undefined)).body.problem.title).toBe(stored.title);
  });
});
