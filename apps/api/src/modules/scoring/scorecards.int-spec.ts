import { FRAMEWORK_STEPS, RECOMMENDATION_LABELS, RUBRIC_SIGNALS, SCORE_ANCHORS, STEP_IDS } from '@mockboard/interview';
import type { Scorecard, ScorecardBody, SessionGuide, SessionListResponse, TimelineResponse } from '@mockboard/protocol';
import { seededRandom } from '@mockboard/testing';
import { hostileBodyText } from '../../../../../tests/support/fuzz-json';
import { requestJson } from '../../../../../tests/support/http';
import { sleep } from '../../../../../tests/support/interview-clients';
import { bringTo, castSession, command, completeDraft, scoringApi, type ScoringApi } from '../../../../../tests/support/scoring-clients';
import { joinSession, signUp, type Person } from '../../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

/** Bad drafts, each with the field its 400 must name (rule R2). */
const BAD_DRAFTS: Array<[string, unknown, RegExp]> = [
  ['an unknown step', { steps: [{ step: 'deployment', score: 3 }] }, /^steps\.0\.step: must be one of requirements, /],
  ['a step that is not a string', { steps: [{ step: 3 }] }, /^steps\.0\.step: /],
  ['a signal of another step', { steps: [{ step: 'data', signals: ['req-scale-latency'] }] }, /^steps\.0\.signals\.0: "req-scale-latency" is not a signal of step data/],
  ['an unknown signal', { steps: [{ step: 'model', signals: ['model-baseline', 'model-magic'] }] }, /^steps\.0\.signals\.1: "model-magic" is not a signal of step model/],
  ['a signal ticked twice', { steps: [{ step: 'model', signals: ['model-baseline', 'model-baseline'] }] }, /^steps\.0\.signals: must not list a signal twice/],
  ['signals that are not a list', { steps: [{ step: 'model', signals: 'model-baseline' }] }, /^steps\.0\.signals: must be a list of signal ids/],
  ['a score of 0', { steps: [{ step: 'framing', score: 0 }] }, /^steps\.0\.score: must be 1, 2, 3, 4, "not_covered" or null/],
  ['a score of 5', { steps: [{ step: 'framing', score: 5 }] }, /^steps\.0\.score: /],
  ['a score of 2.5', { steps: [{ step: 'framing', score: 2.5 }] }, /^steps\.0\.score: /],
  ['a score as a string', { steps: [{ step: 'framing', score: '3' }] }, /^steps\.0\.score: /],
  ['"not covered" spelt with a space', { steps: [{ step: 'framing', score: 'not covered' }] }, /^steps\.0\.score: /],
  ['a step twice', { steps: [{ step: 'data' }, { step: 'data', score: 2 }] }, /^steps: must not list a step twice/],
  ['eight steps', { steps: [...STEP_IDS, 'data'].map((step) => ({ step })) }, /^steps: must have at most 7 entries/],
  ['steps that are not a list', { steps: { data: 3 } }, /^steps: must be a list of steps/],
  ['an unknown field in a step', { steps: [{ step: 'data', score: 3, weight: 2 }] }, /^steps\.0: .*"weight"/],
  ['notes of 5001 characters', { steps: [{ step: 'data', notes: 'x'.repeat(5001) }] }, /^steps\.0\.notes: /],
  ['notes with a control character', { steps: [{ step: 'data', notes: 'a\u0007b' }] }, /^steps\.0\.notes: must not contain control characters/],
  ['an unknown recommendation', { recommendation: 'maybe' }, /^recommendation: must be one of strong_no_hire, no_hire, lean_no_hire, lean_hire, hire, strong_hire, or null/],
  ['a recommendation as its label', { recommendation: 'Lean hire' }, /^recommendation: /],
  ['an unknown field', { verdict: 'hire' }, /"verdict"/],
  ['a message that is not text', { message: 42 }, /^message: /],
  ['improvements of 5001 characters', { improvements: 'y'.repeat(5001) }, /^improvements: /],
];

describe('scorecards', () => {
  let app: TestApp;
  let api: ScoringApi;
  let interviewer: Person;
  let candidate: Person;
  let observer: Person;

  beforeAll(async () => {
    app = await startTestApp({ ROOM_CONTROLS_BURST: '10000', SESSIONS_PER_HOUR: '10000' });
    api = scoringApi(app.baseUrl);
    [interviewer, candidate, observer] = (await Promise.all(['Iona', 'Cyd', 'Orla'].map((name) => signUp(app.baseUrl, name)))) as [Person, Person, Person];
  });
  afterAll(() => app.close());

  const newSession = async () => (await castSession(app.baseUrl, { interviewer, candidate, observers: [observer] })).id;
  const timelineOf = async (id: string, person: Person) => (await requestJson<TimelineResponse>(app.baseUrl, `/api/sessions/${id}/timeline`, { token: person.token })).body.events;

  describe('R2: the draft', () => {
    it.each(BAD_DRAFTS)('R2: %s is 400 naming the field, and the draft stays as it was', async (_name, body, field) => {
      const id = await newSession();
      const saved = await api.saveDraft(id, interviewer.token, completeDraft({ data: 2 }));
      expect(saved.status).toBe(200);
      const response = await api.saveDraft(id, interviewer.token, body);
      expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 400, code: 'invalid_body' });
      expect(response.body.error?.message).toMatch(field);
      expect((await api.scorecard(id, interviewer.token)).body).toEqual(saved.body);
    });

    it('R2: before anything is saved the interviewer reads an empty draft of all 7 steps', async () => {
      const id = await newSession();
      const response = await api.scorecard(id, interviewer.token);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        sessionId: id,
        status: 'draft',
        steps: STEP_IDS.map((step) => ({ step, score: null, signals: [], notes: '' })),
        recommendation: null,
        strengths: '',
        improvements: '',
        message: '',
        updatedAt: null,
        submittedAt: null,
        releasedAt: null,
      });
    });

    it('R2: a partial draft comes back whole, in framework order, text trimmed; a second tab reads the same; the next PUT replaces it whole', async () => {
      const id = await newSession();
      const body: ScorecardBody = {
        steps: [
          { step: 'evaluation', score: 'not_covered' },
          { step: 'data', score: 2, signals: ['data-skew', 'data-cleaning'], notes: '  Missed the label delay.\r\nNo feature store.  ' },
          { step: 'requirements', score: 4, signals: ['req-scale-latency'] },
        ],
        recommendation: 'lean_hire',
        message: 'Good session, keep going.',
      };
      const saved = await api.saveDraft(id, interviewer.token, body);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ sessionId: id, status: 'draft', recommendation: 'lean_hire', strengths: '', improvements: '', message: 'Good session, keep going.' });
      expect(saved.body.steps).toEqual(
        STEP_IDS.map((step) => {
          if (step === 'requirements') return { step, score: 4, signals: ['req-scale-latency'], notes: '' };
          if (step === 'data') return { step, score: 2, signals: ['data-skew', 'data-cleaning'], notes: 'Missed the label delay.\nNo feature store.' };
          if (step === 'evaluation') return { step, score: 'not_covered', signals: [], notes: '' };
          return { step, score: null, signals: [], notes: '' };
        }),
      );
      expect(saved.body.updatedAt).toEqual(expect.any(String));

      // Another tab (a second GET, later) finds the very same draft.
      const [first, second] = await Promise.all([api.scorecard(id, interviewer.token), api.scorecard(id, interviewer.token)]);
      expect(first.body).toEqual(saved.body);
      expect(second.body).toEqual(saved.body);

      // The draft is sent whole: what the next PUT leaves out is gone.
      await sleep(5);
      const replaced = await api.saveDraft(id, interviewer.token, { steps: [{ step: 'model', score: 1 }] });
      expect(replaced.status).toBe(200);
      expect(replaced.body.steps.filter((s) => s.score !== null)).toEqual([{ step: 'model', score: 1, signals: [], notes: '' }]);
      expect(replaced.body).toMatchObject({ recommendation: null, message: '' });
      expect(Date.parse(replaced.body.updatedAt ?? '')).toBeGreaterThan(Date.parse(saved.body.updatedAt ?? ''));
      expect((await api.scorecard(id, interviewer.token)).body).toEqual(replaced.body);
    });

    it('R2: an empty body and `{}` save an empty draft; `null` marks are accepted', async () => {
      const id = await newSession();
      expect((await api.saveDraft(id, interviewer.token, {})).status).toBe(200);
      const response = await api.saveDraft(id, interviewer.token, { steps: [{ step: 'data', score: null, signals: [] }], recommendation: null });
      expect(response.status).toBe(200);
      expect(response.body.steps.every((s) => s.score === null)).toBe(true);
    });
  });

  describe('R4: submit and release', () => {
    it('R4: submit refuses an incomplete card with 409 naming each missing step and the recommendation', async () => {
      const id = await newSession();
      await bringTo(app.baseUrl, id, interviewer, 'ended', { steps: [{ step: 'requirements', score: 3 }, { step: 'model', score: 'not_covered' }] });
      const missing = await api.submit(id, interviewer.token);
      expect({ status: missing.status, code: missing.body.error?.code }).toEqual({ status: 409, code: 'conflict' });
      expect(missing.body.error?.message).toBe('The scorecard is missing a score or "not covered" for framing, data, evaluation, serving, monitoring and a recommendation');

      const noRecommendation = { ...completeDraft({ serving: 'not_covered' }), recommendation: null };
      expect((await api.saveDraft(id, interviewer.token, noRecommendation)).status).toBe(200);
      expect((await api.submit(id, interviewer.token)).body.error?.message).toBe('The scorecard is missing a recommendation');

      expect((await api.saveDraft(id, interviewer.token, completeDraft({ monitoring: null }))).status).toBe(200);
      expect((await api.submit(id, interviewer.token)).body.error?.message).toBe('The scorecard is missing a score or "not covered" for monitoring');
      expect((await api.scorecard(id, interviewer.token)).body.status).toBe('draft');
    });

    it('R4: submit with nothing saved names all seven steps', async () => {
      const id = await newSession();
      await command(app.baseUrl, id, 'end', interviewer.token);
      const response = await api.submit(id, interviewer.token);
      expect(response.status).toBe(409);
      expect(response.body.error?.message).toBe(`The scorecard is missing a score or "not covered" for ${STEP_IDS.join(', ')} and a recommendation`);
    });

    it('R4: submit before the end is 409 even with a complete card; after the end it submits; a second submit is 409; the card no longer changes (409)', async () => {
      const id = await newSession();
      await bringTo(app.baseUrl, id, interviewer, 'live', completeDraft({ evaluation: 'not_covered' }));
      const early = await api.submit(id, interviewer.token);
      expect({ status: early.status, message: early.body.error?.message }).toEqual({ status: 409, message: 'The scorecard can be submitted once the interview has ended' });
      await command(app.baseUrl, id, 'end', interviewer.token);

      const submitted = await api.submit(id, interviewer.token);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', submittedAt: expect.any(String), releasedAt: null });
      expect(submitted.body.steps.find((s) => s.step === 'evaluation')?.score).toBe('not_covered');

      const again = await api.submit(id, interviewer.token);
      expect({ status: again.status, message: again.body.error?.message }).toEqual({ status: 409, message: 'The scorecard is already submitted' });
      const change = await api.saveDraft(id, interviewer.token, completeDraft({ data: 1 }));
      expect({ status: change.status, code: change.body.error?.code }).toEqual({ status: 409, code: 'conflict' });
      expect((await api.scorecard(id, interviewer.token)).body).toEqual(submitted.body);
    });

    it('R4: release before submit is 409; release after submit releases; a second release is 409', async () => {
      const id = await newSession();
      await bringTo(app.baseUrl, id, interviewer, 'ended');
      const early = await api.release(id, interviewer.token);
      expect({ status: early.status, message: early.body.error?.message }).toEqual({ status: 409, message: 'Submit the scorecard before releasing it' });
      expect((await api.submit(id, interviewer.token)).status).toBe(200);
      const released = await api.release(id, interviewer.token);
      expect(released.status).toBe(200);
      expect(released.body).toMatchObject({ status: 'released', submittedAt: expect.any(String), releasedAt: expect.any(String) });
      const again = await api.release(id, interviewer.token);
      expect({ status: again.status, message: again.body.error?.message }).toEqual({ status: 409, message: 'The scorecard is already released' });
      expect((await api.scorecard(id, interviewer.token)).body).toEqual(released.body);
    });
  });

  it('R8: what the candidate may see flips at release (card, quick notes, timeline, session views); the observer never sees any of it', async () => {
    const id = await newSession();
    await command(app.baseUrl, id, 'start', interviewer.token);
    const noteTexts = ['Asked for QPS first', 'Forgot cold start'];
    for (const text of noteTexts) expect((await api.addNote(id, interviewer.token, { text })).status).toBe(201);
    expect((await api.saveDraft(id, interviewer.token, completeDraft({ data: 2, model: 4 }, { recommendation: 'hire' }))).status).toBe(200);
    await command(app.baseUrl, id, 'end', interviewer.token);
    expect((await api.submit(id, interviewer.token)).status).toBe(200);

    const summaryFor = async (person: Person) => {
      const view = (await api.session(id, person.token)).body.scorecard;
      const listed = (await requestJson<SessionListResponse>(app.baseUrl, '/api/sessions', { token: person.token })).body.sessions.find((s) => s.id === id);
      expect(listed?.scorecard).toEqual(view);
      return view;
    };
    const noteEvents = async (person: Person) => (await timelineOf(id, person)).filter((e) => e.type === 'rubric_note').map((e) => e.payload['text']);
    const average = Math.round(((3 * 5 + 2 + 4) / 7) * 10) / 10;

    // Submitted, not released.
    expect((await api.scorecard(id, candidate.token)).status).toBe(403);
    expect((await api.notes(id, candidate.token)).status).toBe(403);
    expect((await api.markdown(id, candidate.token)).status).toBe(403);
    expect(await noteEvents(candidate)).toEqual([]);
    expect(await summaryFor(candidate)).toEqual({ status: 'submitted', recommendation: null, averageScore: null });
    expect(await noteEvents(interviewer)).toEqual(noteTexts);
    expect(await summaryFor(interviewer)).toEqual({ status: 'submitted', recommendation: 'hire', averageScore: average });

    const released = await api.release(id, interviewer.token);
    expect(released.status).toBe(200);

    const card = await api.scorecard(id, candidate.token);
    expect(card.status).toBe(200);
    expect(card.body).toEqual(released.body);
    const notes = await api.notes(id, candidate.token);
    expect(notes.status).toBe(200);
    expect(notes.body).toEqual((await api.notes(id, interviewer.token)).body);
    expect(notes.body.notes.map((n) => n.text)).toEqual(noteTexts);
    expect(await noteEvents(candidate)).toEqual(noteTexts);
    expect(await summaryFor(candidate)).toEqual({ status: 'released', recommendation: 'hire', averageScore: average });

    // The observer: refused the card and the notes, no rubric_note on the timeline, no summary, before and after.
    expect((await api.scorecard(id, observer.token)).status).toBe(403);
    expect((await api.notes(id, observer.token)).status).toBe(403);
    expect(await noteEvents(observer)).toEqual([]);
    expect(await summaryFor(observer)).toBeNull();
  });

  describe('R4: the Markdown scorecard', () => {
    /** Requirements, framing and monitoring marked; the rest left to `rest` (null while a draft). */
    const card = (rest: 1 | 2 | 3 | 4 | null): ScorecardBody => ({
      steps: STEP_IDS.map((step) => {
        if (step === 'requirements') return { step, score: 4, signals: ['req-scale-latency', 'req-business-goal'], notes: 'Pinned down QPS.\nAsked about regions.' };
        if (step === 'framing') return { step, score: 1 };
        if (step === 'monitoring') return { step, score: 'not_covered' };
        return { step, score: rest };
      }),
      recommendation: 'lean_no_hire',
      strengths: 'Clear structure.',
      improvements: 'Go deeper on evaluation.',
      message: 'Thanks, try the ads problem next.',
    });
    const title = (id: string) => FRAMEWORK_STEPS.find((s) => s.id === id)?.title;

    function expectMarkdown(text: string, status: 'draft' | 'released', dataMark: string): void {
      expect(text.startsWith('# Scorecard: Video recommendations\n')).toBe(true);
      expect(text).toContain('- Candidate: Cyd\n- Interviewer: Iona\n');
      expect(text).toContain(`- Recommendation: ${RECOMMENDATION_LABELS.lean_no_hire}\n`);
      if (status === 'draft') expect(text).toContain('- Status: draft (not released)');
      else expect(text).not.toContain('- Status:');
      expect(text).toContain(`## ${title('requirements')}: 4/4 (${SCORE_ANCHORS[4]})\n`);
      expect(text).toContain(`## ${title('framing')}: 1/4 (${SCORE_ANCHORS[1]})\n`);
      expect(text).toContain(`## ${title('monitoring')}: not covered\n`);
      expect(text).toContain(`## ${title('data')}: ${dataMark}\n`);
      const [goal, scale, data] = RUBRIC_SIGNALS.requirements;
      expect(text).toContain(`- [x] ${scale?.text}\n`);
      expect(text).toContain(`- [x] ${goal?.text}\n`);
      expect(text).toContain(`- [ ] ${data?.text}\n`);
      expect(text.match(/- \[x\]/g)).toHaveLength(2);
      expect(text).toContain('> Pinned down QPS.\n> Asked about regions.\n');
      // The quick note, under its step, at its session time.
      expect(text).toMatch(/## Clarify requirements: [^#]*\n- \d\d:\d\d Asked for QPS before any design\n/);
      expect(text).toContain('## Strengths\n\nClear structure.\n');
      expect(text).toContain('## To improve\n\nGo deeper on evaluation.\n');
      expect(text).toContain('## Message from your interviewer\n\nThanks, try the ads problem next.\n');
      // Each step once, in framework order.
      const headings = [...text.matchAll(/^## (.+?): /gm)].map((m) => m[1]);
      expect(headings).toEqual(FRAMEWORK_STEPS.map((s) => s.title));
    }

    it('R4: the interviewer gets the draft as text/markdown at any time; the candidate gets 403 (JSON) until release, then the card', async () => {
      const id = await newSession();
      await command(app.baseUrl, id, 'start', interviewer.token);
      expect((await api.addNote(id, interviewer.token, { text: 'Asked for QPS before any design' })).status).toBe(201);
      expect((await api.saveDraft(id, interviewer.token, card(null))).status).toBe(200);

      const ofDraft = await api.markdown(id, interviewer.token);
      expect(ofDraft.status).toBe(200);
      expect(ofDraft.contentType).toBe('text/markdown; charset=utf-8');
      expectMarkdown(ofDraft.text, 'draft', 'not scored');

      const refused = await api.markdown(id, candidate.token);
      expect({ status: refused.status, contentType: refused.contentType, code: refused.body?.error.code }).toEqual({
        status: 403,
        contentType: 'application/json; charset=utf-8',
        code: 'forbidden',
      });
      expect(refused.text).not.toContain('QPS');

      await command(app.baseUrl, id, 'end', interviewer.token);
      expect((await api.saveDraft(id, interviewer.token, card(3))).status).toBe(200);
      expect((await api.submit(id, interviewer.token)).status).toBe(200);
      expect((await api.markdown(id, candidate.token)).status).toBe(403);
      expect((await api.release(id, interviewer.token)).status).toBe(200);

      const ofCard = await api.markdown(id, candidate.token);
      expect(ofCard.status).toBe(200);
      expect(ofCard.contentType).toBe('text/markdown; charset=utf-8');
      expectMarkdown(ofCard.text, 'released', `3/4 (${SCORE_ANCHORS[3]})`);
      expect(ofCard.text).toContain(`- Date: ${new Date().toISOString().slice(0, 10)}`);
      expect(ofCard.text).toBe((await api.markdown(id, interviewer.token)).text);
    });
  });

  describe('R3: quick notes', () => {
    it('R3: before the start a note has atMs null and no step unless one is given; after it, the current step and a rising atMs', async () => {
      const id = await newSession();
      const early = await api.addNote(id, interviewer.token, { text: 'Joined on time' });
      expect(early.status).toBe(201);
      expect(early.body).toEqual({ id: expect.any(Number), step: null, atMs: null, text: 'Joined on time' });
      expect((await api.addNote(id, interviewer.token, { text: 'Plan: push on metrics', step: 'evaluation' })).body).toMatchObject({ step: 'evaluation', atMs: null });

      await command(app.baseUrl, id, 'start', interviewer.token);
      await sleep(5);
      const first = await api.addNote(id, interviewer.token, { text: 'Asked about scale' });
      expect(first.body).toMatchObject({ step: 'requirements', atMs: expect.any(Number) });
      await command(app.baseUrl, id, 'step', interviewer.token, { step: 'data' });
      await sleep(5);
      const second = await api.addNote(id, interviewer.token, { text: '  Label delay \r\n ignored  ' });
      expect(second.body).toMatchObject({ step: 'data', text: 'Label delay \n ignored' });
      await sleep(5);
      const pinned = await api.addNote(id, interviewer.token, { text: 'Back to framing', step: 'framing' });
      expect(pinned.body.step).toBe('framing');
      const times = [first, second, pinned].map((n) => n.body.atMs ?? -1);
      expect(times[0]).toBeGreaterThan(0);
      expect(times[1]).toBeGreaterThan(times[0] ?? 0);
      expect(times[2]).toBeGreaterThan(times[1] ?? 0);

      const listed = await api.notes(id, interviewer.token);
      expect(listed.status).toBe(200);
      expect(listed.body.notes).toEqual([early.body, expect.objectContaining({ step: 'evaluation' }), first.body, second.body, pinned.body]);
      const ids = listed.body.notes.map((n) => n.id);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);

      // Each is an interviewer-only event on the timeline, with the same session time.
      const events = (await timelineOf(id, interviewer)).filter((e) => e.type === 'rubric_note');
      expect(events.map((e) => ({ seq: e.seq, atMs: e.atMs, text: e.payload['text'], step: e.payload['step'] }))).toEqual(
        listed.body.notes.map((n) => ({ seq: n.id, atMs: n.atMs, text: n.text, step: n.step })),
      );
    });

    it.each<[string, unknown, RegExp]>([
      ['no text', {}, /^text: /],
      ['empty text', { text: '' }, /^text: must not be empty/],
      ['text made of spaces', { text: ' \n ' }, /^text: must not be empty/],
      ['text of 2001 characters', { text: 'z'.repeat(2001) }, /^text: must be at most 2000 characters/],
      ['text that is not a string', { text: 7 }, /^text: must be a string/],
      ['an unknown step', { text: 'ok', step: 'deployment' }, /^step: must be one of /],
      ['an unknown field', { text: 'ok', atMs: 5 }, /"atMs"/],
    ])('R3: a note with %s is 400 naming the field, and nothing is added', async (_name, body, field) => {
      const id = await newSession();
      const response = await api.addNote(id, interviewer.token, body);
      expect({ status: response.status, code: response.body.error?.code }).toEqual({ status: 400, code: 'invalid_body' });
      expect(response.body.error?.message).toMatch(field);
      expect((await api.notes(id, interviewer.token)).body.notes).toEqual([]);
    });

    it('R3: notes may be added after the end and after submit, not after release (409)', async () => {
      const id = await newSession();
      await bringTo(app.baseUrl, id, interviewer, 'ended');
      expect((await api.addNote(id, interviewer.token, { text: 'After the end' })).status).toBe(201);
      expect((await api.submit(id, interviewer.token)).status).toBe(200);
      expect((await api.addNote(id, interviewer.token, { text: 'After submit' })).status).toBe(201);
      expect((await api.release(id, interviewer.token)).status).toBe(200);
      const late = await api.addNote(id, interviewer.token, { text: 'After release' });
      expect({ status: late.status, code: late.body.error?.code }).toEqual({ status: 409, code: 'conflict' });
      expect((await api.notes(id, candidate.token)).body.notes.map((n) => n.text)).toEqual(['After the end', 'After submit']);
    });
  });

  it('R3: a quick note racing the release is either written before it or refused with 409, never written after it', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await newSession();
      await bringTo(app.baseUrl, id, interviewer, 'submitted');
      const [released, ...notes] = await Promise.all([
        api.release(id, interviewer.token),
        ...[1, 2, 3, 4].map((n) => api.addNote(id, interviewer.token, { text: `Racing note ${n}` })),
      ]);
      expect(released.status).toBe(200);
      expect(notes.map((n) => n.status).filter((status) => status !== 201 && status !== 409)).toEqual([]);
      const releasedAt = Date.parse(released.body.releasedAt ?? '');
      const written = (await timelineOf(id, interviewer)).filter((e) => e.type === 'rubric_note');
      expect(written).toHaveLength(notes.filter((n) => n.status === 201).length);
      expect(written.filter((e) => e.at > releasedAt)).toEqual([]);
    }
  });

  it('R2/R3/R5: a seeded fuzz of drafts, quick notes and feedback: only 200/201, 400 or 413, never a 500; every draft stored is whole, in order, with marks and signals of the rubric', async () => {
    const random = seededRandom();
    const id = await newSession();
    await command(app.baseUrl, id, 'start', interviewer.token);
    const validDraft = completeDraft() as Record<string, unknown>;
    const validStep = { step: 'data', score: 2, signals: ['data-cleaning'], notes: 'ok' };
    const marks = new Set<unknown>([1, 2, 3, 4, 'not_covered', null]);
    const tally: Record<string, number> = {};
    for (let i = 0; i < 150; i++) {
      const route = random.pick(['draft', 'draft', 'note', 'feedback'] as const);
      let rawBody: string;
      if (route === 'draft' && random.chance(0.5)) {
        // One step of an otherwise valid draft made hostile, spliced in as text (it may be broken or deeply nested JSON).
        rawBody = JSON.stringify({ ...validDraft, steps: [] }).replace('"steps":[]', `"steps":[${hostileBodyText(random, validStep)}]`);
      } else {
        rawBody = hostileBodyText(random, route === 'draft' ? validDraft : route === 'note' ? { text: 'a note', step: 'data' } : { helpfulness: 3, comment: 'fine' });
      }
      const path = `/api/sessions/${id}/${route === 'draft' ? 'scorecard' : route === 'note' ? 'rubric-notes' : 'feedback'}`;
      const response = await requestJson<Scorecard>(app.baseUrl, path, {
        method: route === 'note' ? 'POST' : 'PUT',
        token: route === 'feedback' ? candidate.token : interviewer.token,
        rawBody,
      }).catch((error: unknown) => ({ status: -1, body: String(error) as unknown as Scorecard }));
      tally[`${route} ${response.status}`] = (tally[`${route} ${response.status}`] ?? 0) + 1;
      // Feedback is 409 while the session is live, whatever its body once it parses.
      const allowed = route === 'draft' ? [200, 400, 413] : route === 'note' ? [201, 400, 413] : [400, 409, 413];
      if (!allowed.includes(response.status)) throw new Error(`seed ${random.seed}, case ${i}: ${route} answered ${response.status} ${JSON.stringify(response.body)?.slice(0, 300)} to ${rawBody.slice(0, 300)}`);
      if (route === 'draft' && response.status === 200) {
        const card = response.body;
        expect(card.steps.map((s) => s.step)).toEqual([...STEP_IDS]);
        for (const step of card.steps) {
          expect(marks.has(step.score)).toBe(true);
          for (const signal of step.signals) expect(RUBRIC_SIGNALS[step.step].some((s) => s.id === signal)).toBe(true);
        }
        expect((await api.scorecard(id, interviewer.token)).body).toEqual(card);
      }
    }
    console.log(`scoring REST fuzz (seed ${random.seed}): ${JSON.stringify(tally)}`);
    expect((await api.saveDraft(id, interviewer.token, completeDraft())).status).toBe(200);
  });

  it('R2: the scorecard keeps to its session: a draft saved in one is not seen in another of the same two people', async () => {
    const [first, second] = [await newSession(), await newSession()];
    expect((await api.saveDraft(first, interviewer.token, completeDraft({ data: 1 }))).status).toBe(200);
    const other: Scorecard = (await api.scorecard(second, interviewer.token)).body;
    expect(other.updatedAt).toBeNull();
    expect(other.steps.every((s) => s.score === null)).toBe(true);
  });
  it('R2: text made only of whitespace (a half-typed note autosaved) is stored as nothing', async () => {
    const id = await newSession();
    const saved = await api.saveDraft(id, interviewer.token, { steps: [{ step: 'data', notes: '  \n\t ' }], strengths: ' ' });
    expect(saved.status).toBe(200);
    expect(saved.body.steps.find((s) => s.step === 'data')?.notes).toBe('');
    expect(saved.body.strengths).toBe('');
  });

  it('R4: submit and release take no body: an unknown field is 400 and the card stays as it was', async () => {
    const id = await newSession();
    await bringTo(app.baseUrl, id, interviewer, 'ended');
    expect((await api.submit(id, interviewer.token, { force: true })).status).toBe(400);
    expect((await api.scorecard(id, interviewer.token)).body.status).toBe('draft');
    expect((await api.submit(id, interviewer.token, {})).status).toBe(200);
    expect((await api.release(id, interviewer.token, { to: 'everyone' })).status).toBe(400);
    expect((await api.scorecard(id, interviewer.token)).body.status).toBe('submitted');
  });

  it('R7: a card saved while the candidate seat was empty counts for the candidate seated when it is submitted', async () => {
    const late = await signUp(app.baseUrl, 'Lately');
    const session = await castSession(app.baseUrl, { interviewer });
    await command(app.baseUrl, session.id, 'start', interviewer.token);
    expect((await api.saveDraft(session.id, interviewer.token, completeDraft({}, { recommendation: 'hire' }))).status).toBe(200);
    await joinSession(app.baseUrl, late, session.inviteCode ?? '');
    await command(app.baseUrl, session.id, 'end', interviewer.token);
    expect((await api.submit(session.id, interviewer.token)).status).toBe(200);
    expect((await api.release(session.id, interviewer.token)).status).toBe(200);
    const progress = (await api.progress(late.token)).body;
    expect(progress.coverage.map((c) => c.problemSlug)).toEqual(['video-recommendation']);
  });

  it('R1/I4: the interviewer\'s guide lists the rubric\'s signals for each step', async () => {
    const id = await newSession();
    const guide = await requestJson<SessionGuide>(app.baseUrl, `/api/sessions/${id}/guide`, { token: interviewer.token });
    expect(guide.body.steps.map((s) => s.signals.map((signal) => signal.id))).toEqual(STEP_IDS.map((step) => RUBRIC_SIGNALS[step].map((signal) => signal.id)));
  });
});
