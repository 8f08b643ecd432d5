import { RECOMMENDATION_LABELS, RUBRIC_SIGNALS, STEP_IDS, type FrameworkStepId, type StepMark } from '@mockboard/interview';
import type { ScorecardBody } from '@mockboard/protocol';
import { interviewClient, type InterviewClient } from '../support/interview-clients';
import { Recording } from '../support/leak-recording';
import { castSession } from '../support/scoring-clients';
import { signUp, type Person } from '../support/session-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const MARKS: Record<FrameworkStepId, StepMark> = {
  requirements: 4,
  framing: 1,
  data: 2,
  model: 3,
  evaluation: 'not_covered',
  serving: 4,
  monitoring: 2,
};
const RECOMMENDATION = 'strong_no_hire';
/** Two signals ticked on every step but the one not covered. */
const TICKED = STEP_IDS.flatMap((step) => (MARKS[step] === 'not_covered' ? [] : RUBRIC_SIGNALS[step].slice(0, 2).map((s) => s.id)));
const stepNote = (step: FrameworkStepId) => `ZEBRA-${step}-note: wrote "${step}" down.\nSecond line for ${step}.`;
const quickNote = (label: string) => `ZEBRA-quick-${label}: seen at this moment`;
const OVERALL = { strengths: 'ZEBRA-strengths: calm and structured', improvements: 'ZEBRA-improvements: go deeper on metrics', message: 'ZEBRA-message: thanks for the session' };
const FEEDBACK = 'PELICAN-feedback: the interviewer gave clear prompts';

/** The interviewer's draft once `upTo` steps are scored: notes, ticks and marks so far, the verdict at the end. */
function draftUpTo(upTo: number, final = false): ScorecardBody {
  return {
    steps: STEP_IDS.slice(0, upTo).map((step) => ({
      step,
      score: MARKS[step],
      signals: TICKED.filter((id) => RUBRIC_SIGNALS[step].some((s) => s.id === id)),
      notes: stepNote(step),
    })),
    ...(final ? { recommendation: RECOMMENDATION, ...OVERALL } : {}),
  };
}

/**
 * What the card holds, tied to its keys as it would travel in JSON or in the Markdown card: none of these may
 * match anything the candidate (before release) or the observer (ever) receives.
 */
const CARD_SHAPES: Array<[string, RegExp]> = [
  ['a step score', /"score":\s*(?:[1-4]|"not_covered")/],
  ['a ticked signal', /"signals":\s*\["/],
  ['a recommendation', /"recommendation":\s*"/],
  ['an average score', /"averageScore":\s*\d/],
  ['step notes', /"notes":\s*"[^"]/],
  ['a quick note list', /"notes":\s*\[\s*\{/],
  ['a rubric_note event', /"rubric_note"/],
  ['a Markdown mark', /\d\/4 \(/],
  ['a Markdown tick', /- \[x\]/],
];

/**
 * Rule R8, the leak test: through a whole scored session, nothing a candidate's or an observer's socket
 * receives and no REST answer they get carries a score, a ticked signal, a note, a quick note or the
 * recommendation before release; after it the candidate reads it all and the observer still nothing.
 */
describe('the scorecard stays the interviewer’s until released', () => {
  let app: TestApp;
  const clients: InterviewClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ROOM_CONTROLS_BURST: '10000', ROOM_CHAT_BURST: '10000' });
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await app.close();
  });

  it('R8: no frame and no REST answer to the candidate or the observer carries any of the card before release; after it the candidate has it all, the observer nothing', async () => {
    const [interviewer, candidate, observer] = (await Promise.all([signUp(app.baseUrl, 'Ivo'), signUp(app.baseUrl, 'Cora'), signUp(app.baseUrl, 'Omar')])) as [
      Person,
      Person,
      Person,
    ];
    const { id } = await castSession(app.baseUrl, { interviewer, candidate, observers: [observer] });
    const at = (tail = '') => `/api/sessions/${id}${tail}`;

    const recordings = new Map<Person, Recording>([
      [candidate, new Recording(app.baseUrl)],
      [observer, new Recording(app.baseUrl)],
      [interviewer, new Recording(app.baseUrl)],
    ]);
    const recordingOf = (person: Person) => recordings.get(person) as Recording;
    const sockets = new Map<Person, InterviewClient>();
    for (const [person, recording] of recordings) {
      sockets.set(person, await interviewClient(app.baseUrl, id, person.token, { onRaw: (frame) => recording.frames.push(frame), track: clients }));
    }
    const lead = sockets.get(interviewer) as InterviewClient;
    const candidateSocket = sockets.get(candidate) as InterviewClient;
    /** The interviewer's REST calls go through their recording too: it is the proof the search can find what it looks for. */
    const asInterviewer = async (method: 'PUT' | 'POST', tail: string, body?: unknown) => {
      const { status, text } = await recordingOf(interviewer).call(method, at(tail), interviewer.token, body);
      if (status >= 300) throw new Error(`${method} ${tail} answered ${status} ${text}`);
    };

    // Everything the candidate and the observer can ask for, and every scoring route they might try. The rubric
    // (`GET /api/rubric`) is left out: it is public learning material and lists every signal id and recommendation.
    const readEverything = async () => {
      for (const person of [candidate, observer]) {
        const recording = recordingOf(person);
        for (const path of [at(), '/api/sessions', at('/state'), at('/timeline'), at('/chat'), at('/scorecard'), at('/scorecard.md'), at('/rubric-notes'), at('/feedback'), '/api/me/progress']) {
          await recording.call('GET', path, person.token);
        }
        await recording.call('PUT', at('/scorecard'), person.token, {});
        await recording.call('POST', at('/rubric-notes'), person.token, { text: 'mine' });
        await recording.call('POST', at('/scorecard/submit'), person.token);
        await recording.call('POST', at('/scorecard/release'), person.token);
      }
    };

    // The whole session: a quick note before the start; each step with its marks, ticks, notes and a quick note; chat both ways; a pause; the verdict; the end; the candidate's feedback; submit.
    await asInterviewer('POST', '/rubric-notes', { text: quickNote('early') });
    await readEverything();
    expect(await lead.control({ action: 'start' })).toEqual({ ok: true });
    for (const [index, step] of STEP_IDS.entries()) {
      expect(await lead.control({ action: 'step', step })).toEqual({ ok: true });
      await asInterviewer('POST', '/rubric-notes', { text: quickNote(step) });
      await asInterviewer('PUT', '/scorecard', draftUpTo(index + 1));
      expect(await lead.chat({ text: `Let us talk about ${step}.` })).toMatchObject({ ok: true });
      expect(await candidateSocket.chat({ text: `My answer on ${step}.` })).toMatchObject({ ok: true });
      if (step === 'model') {
        expect(await lead.control({ action: 'pause' })).toEqual({ ok: true });
        await readEverything();
        expect(await lead.control({ action: 'resume' })).toEqual({ ok: true });
      }
    }
    await asInterviewer('PUT', '/scorecard', draftUpTo(STEP_IDS.length, true));
    expect(await lead.control({ action: 'end' })).toEqual({ ok: true });
    await asInterviewer('POST', '/rubric-notes', { text: quickNote('late') });
    expect((await recordingOf(candidate).call('PUT', at('/feedback'), candidate.token, { helpfulness: 4, comment: FEEDBACK })).status).toBe(200);
    await readEverything();
    await asInterviewer('POST', '/scorecard/submit');
    await readEverything();
    for (const path of [at(), '/api/sessions', at('/timeline'), at('/scorecard'), at('/scorecard.md'), at('/rubric-notes'), at('/feedback')]) {
      await recordingOf(interviewer).call('GET', path, interviewer.token);
    }
    // Let the last pushes arrive.
    await new Promise((r) => setTimeout(r, 200));

    const secrets = [
      ...STEP_IDS.map(stepNote),
      ...['early', ...STEP_IDS, 'late'].map(quickNote),
      ...Object.values(OVERALL),
      RECOMMENDATION,
      RECOMMENDATION_LABELS[RECOMMENDATION],
      ...TICKED,
    ];
    expect(secrets.length).toBe(7 + 9 + 3 + 2 + 12);

    // The search finds them where they are: in what the interviewer got back, every secret and every shape.
    const lens = recordingOf(interviewer);
    expect(secrets.filter((secret) => lens.whereIs(secret) === undefined)).toEqual([]);
    expect(CARD_SHAPES.filter(([, shape]) => lens.whereMatches(shape) === undefined).map(([name]) => name)).toEqual([]);
    // The interviewer may not read the feedback before release.
    expect(lens.statusesOf('GET', at('/feedback'))).toEqual([403]);
    expect(lens.whereIs(FEEDBACK)).toBeUndefined();

    for (const person of [candidate, observer]) {
      const recording = recordingOf(person);
      const role = person === candidate ? 'candidate' : 'observer';
      const socket = sockets.get(person) as InterviewClient;
      // They did receive the session: the greeting, start, 7 steps, pause, resume, end; 14 chat messages; their reads answered.
      expect(socket.states.length).toBeGreaterThanOrEqual(12);
      expect(socket.messages).toHaveLength(14);
      expect(recording.frames.length).toBeGreaterThan(26);
      expect(recording.statusesOf('GET', at('/timeline'))).toEqual([200, 200, 200, 200]);
      expect(recording.statusesOf('GET', at('/scorecard'))).toEqual([403, 403, 403, 403]);
      expect(recording.statusesOf('GET', at('/rubric-notes'))).toEqual([403, 403, 403, 403]);
      expect(recording.statusesOf('GET', at('/scorecard.md'))).toEqual([403, 403, 403, 403]);
      expect(recording.statusesOf('PUT', at('/scorecard'))).toEqual([403, 403, 403, 403]);
      // And nothing of the card.
      const leaks = secrets.map((secret) => ({ secret: secret.slice(0, 60), where: recording.whereIs(secret) })).filter((leak) => leak.where !== undefined);
      const shapes = CARD_SHAPES.map(([name, shape]) => ({ name, where: recording.whereMatches(shape) })).filter((leak) => leak.where !== undefined);
      expect({ role, leaks, shapes }).toEqual({ role, leaks: [], shapes: [] });
    }
    // The candidate's own feedback is theirs; the observer never sees it.
    expect(recordingOf(candidate).whereIs(FEEDBACK)).toEqual(expect.any(String));
    expect(recordingOf(observer).whereIs(FEEDBACK)).toBeUndefined();

    // Release: the candidate now reads the card, the quick notes (REST and timeline) and the summary; the observer still nothing.
    await asInterviewer('POST', '/scorecard/release');
    const after = new Map<Person, Recording>([
      [candidate, new Recording(app.baseUrl)],
      [observer, new Recording(app.baseUrl)],
    ]);
    for (const [person, recording] of after) {
      for (const path of [at(), '/api/sessions', at('/timeline'), at('/scorecard'), at('/scorecard.md'), at('/rubric-notes'), '/api/me/progress']) {
        await recording.call('GET', path, person.token);
      }
    }
    const candidateAfter = after.get(candidate) as Recording;
    expect(secrets.filter((secret) => candidateAfter.whereIs(secret) === undefined)).toEqual([]);
    expect(CARD_SHAPES.filter(([, shape]) => candidateAfter.whereMatches(shape) === undefined).map(([name]) => name)).toEqual([]);
    expect(candidateAfter.whereMatches(new RegExp(`"text":"${quickNote('data')}"`))).toContain(`GET ${at('/timeline')} -> 200`);

    const observerAfter = after.get(observer) as Recording;
    expect(observerAfter.responses.filter((r) => r.what.includes('/score') || r.what.includes('/rubric-notes')).map((r) => r.status)).toEqual([403, 403, 403]);
    expect(secrets.filter((secret) => observerAfter.whereIs(secret) !== undefined)).toEqual([]);
    expect(CARD_SHAPES.filter(([, shape]) => observerAfter.whereMatches(shape) !== undefined).map(([name]) => name)).toEqual([]);

    // The interviewer reads the feedback now.
    const { text } = await lens.call('GET', at('/feedback'), interviewer.token);
    expect(text).toContain(FEEDBACK);

    // Scoring has no socket event: no socket, the interviewer's included, ever carried a secret, before release or after.
    await new Promise((r) => setTimeout(r, 200));
    for (const [person, recording] of recordings) {
      const inFrames = secrets.filter((secret) => recording.frames.some((f) => f.includes(secret) || f.includes(JSON.stringify(secret).slice(1, -1))));
      expect({ person: person.userId, inFrames }).toEqual({ person: person.userId, inFrames: [] });
      expect(recording.frames.some((f) => f.includes(FEEDBACK))).toBe(false);
    }
  });
});
