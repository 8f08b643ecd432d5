import { STEP_IDS, type FrameworkStepId, type StepMark } from '@mockboard/interview';
import type { ProgressResponse } from '@mockboard/protocol';
import { sleep } from '../../../../../tests/support/interview-clients';
import { castSession, command, completeDraft, scoringApi, type ScoringApi } from '../../../../../tests/support/scoring-clients';
import { signUp, type Person } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

type Marks = Record<FrameworkStepId, StepMark>;
const marks = (...values: StepMark[]): Marks => Object.fromEntries(STEP_IDS.map((step, i) => [step, values[i] ?? null])) as Marks;
const NC = 'not_covered' as const;

/** A problem's latest marks as the coverage grid shows them: `not_covered` is no score. */
const covered = (m: Marks) => Object.fromEntries(STEP_IDS.map((step) => [step, typeof m[step] === 'number' ? m[step] : null]));

const EMPTY: ProgressResponse = {
  steps: STEP_IDS.map((step) => ({ step, average: null, count: 0, trend: [] })),
  coverage: [],
  suggestion: null,
};

/** Rule R7: progress from several scripted sessions, counting only released scorecards where the caller was the candidate. */
describe('progress', () => {
  let app: TestApp;
  let api: ScoringApi;

  beforeAll(async () => {
    app = await startTestApp({ ROOM_CONTROLS_BURST: '10000', SESSIONS_PER_HOUR: '10000' });
    api = scoringApi(app.baseUrl);
  });
  afterAll(() => app.close());

  /** A session held and scored to the end (submitted, not released); its id and the time it ended. */
  async function scored(interviewer: Person, candidate: Person, problemSlug: string, m: Marks): Promise<{ id: string; at: string }> {
    const { id } = await castSession(app.baseUrl, { interviewer, candidate }, problemSlug);
    await command(app.baseUrl, id, 'start', interviewer.token);
    expect((await api.saveDraft(id, interviewer.token, completeDraft(m))).status).toBe(200);
    await command(app.baseUrl, id, 'end', interviewer.token);
    expect((await api.submit(id, interviewer.token)).status).toBe(200);
    const endedAt = (await api.session(id, interviewer.token)).body.endedAt;
    if (!endedAt) throw new Error('the session did not end');
    // Sessions end in a known order, a few milliseconds apart.
    await sleep(5);
    return { id, at: endedAt };
  }

  const release = async (id: string, interviewer: Person) => expect((await api.release(id, interviewer.token)).status).toBe(200);
  const progressOf = async (person: Person) => {
    const response = await api.progress(person.token);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('R7: averages, counts and trends of released cards only, oldest session first; coverage by each problem’s latest; the weakest step and fresh problems', async () => {
    const [cleo, ivan, iris, xavi] = await Promise.all(['Cleo', 'Ivan', 'Iris', 'Xavi'].map((name) => signUp(app.baseUrl, name))) as [Person, Person, Person, Person];
    const first = marks(2, 3, 1, 3, NC, 2, NC);
    const second = marks(3, 3, 2, 4, 2, NC, 1);
    const third = marks(4, 2, 2, 3, 3, 3, NC);
    const s1 = await scored(ivan, cleo, 'video-recommendation', first);
    const s2 = await scored(iris, cleo, 'ad-click-prediction', second);
    const s3 = await scored(ivan, cleo, 'video-recommendation', third);
    // Submitted but never released: counts for nobody.
    await scored(iris, cleo, 'eta-prediction', marks(1, 1, 1, 1, 1, 1, 1));
    // Cleo as the interviewer: Xavi's card, not hers.
    const s5 = await scored(cleo, xavi, 'news-feed', marks(4, 4, 4, 4, 4, 4, 4));
    await release(s5.id, cleo);

    expect(await progressOf(cleo)).toEqual(EMPTY);

    // Released in another order than held: the trend and the coverage follow when the sessions were held.
    await release(s3.id, ivan);
    await release(s1.id, ivan);
    await release(s2.id, iris);

    const progress = await progressOf(cleo);
    const trend = (step: FrameworkStepId) =>
      [
        [s1, first],
        [s2, second],
        [s3, third],
      ].flatMap(([s, m]) => {
        const score = (m as Marks)[step];
        return typeof score === 'number' ? [{ sessionId: (s as typeof s1).id, at: (s as typeof s1).at, score }] : [];
      });
    expect(progress.steps).toEqual([
      { step: 'requirements', average: 3, count: 3, trend: trend('requirements') },
      { step: 'framing', average: 2.67, count: 3, trend: trend('framing') },
      { step: 'data', average: 1.67, count: 3, trend: trend('data') },
      { step: 'model', average: 3.33, count: 3, trend: trend('model') },
      { step: 'evaluation', average: 2.5, count: 2, trend: trend('evaluation') },
      { step: 'serving', average: 2.5, count: 2, trend: trend('serving') },
      { step: 'monitoring', average: 1, count: 1, trend: trend('monitoring') },
    ]);
    expect(progress.steps[0]?.trend.map((t) => t.score)).toEqual([2, 3, 4]);
    expect(progress.coverage).toEqual([
      { problemSlug: 'video-recommendation', problemTitle: 'Video recommendations', steps: covered(third) },
      { problemSlug: 'ad-click-prediction', problemTitle: expect.any(String), steps: covered(second) },
    ]);
    // Monitoring is weakest (1); the first three problems of the bank not practised yet.
    expect(progress.suggestion).toEqual({ step: 'monitoring', problems: ['harmful-content-detection', 'fraud-detection', 'search-ranking'] });

    // Xavi's progress has his card; the interviewers have none of their own.
    const xavis = await progressOf(xavi);
    expect(xavis.steps.map((s) => [s.average, s.count])).toEqual(STEP_IDS.map(() => [4, 1]));
    expect(xavis.coverage.map((c) => c.problemSlug)).toEqual(['news-feed']);
    expect(xavis.suggestion).toEqual({ step: 'requirements', problems: ['video-recommendation', 'ad-click-prediction', 'harmful-content-detection'] });
    for (const person of [ivan, iris]) expect(await progressOf(person)).toEqual(EMPTY);
  });

  it('R7: someone with nothing released: every step with average null, count 0 and no trend; no coverage; no suggestion', async () => {
    const [interviewer, candidate] = await Promise.all([signUp(app.baseUrl, 'Ida'), signUp(app.baseUrl, 'Cal')]);
    expect(await progressOf(candidate)).toEqual(EMPTY);
    // A submitted card, then a draft: still nothing.
    await scored(interviewer, candidate, 'video-recommendation', marks(3, 3, 3, 3, 3, 3, 3));
    const { id } = await castSession(app.baseUrl, { interviewer, candidate });
    expect((await api.saveDraft(id, interviewer.token, completeDraft())).status).toBe(200);
    expect(await progressOf(candidate)).toEqual(EMPTY);
  });

  it('R7: a released card where every step was not covered counts as a session practised but gives no averages', async () => {
    const [interviewer, candidate] = await Promise.all([signUp(app.baseUrl, 'Ilse'), signUp(app.baseUrl, 'Cato')]);
    const s = await scored(interviewer, candidate, 'similar-listings', marks(NC, NC, NC, NC, NC, NC, NC));
    await release(s.id, interviewer);
    const progress = await progressOf(candidate);
    expect(progress.steps).toEqual(EMPTY.steps);
    expect(progress.coverage).toEqual([{ problemSlug: 'similar-listings', problemTitle: expect.any(String), steps: covered(marks()) }]);
    expect(progress.suggestion).toBeNull();
  });
});
