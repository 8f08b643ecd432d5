import { FRAMEWORK_STEPS, findProblem, STEP_IDS, type ProblemDefinition } from '@mockboard/interview';
import type { ProblemBody, SessionView, StoredProblem } from '@mockboard/protocol';
import { requestJson } from '../support/http';
import { interviewClient, type InterviewClient } from '../support/interview-clients';
import { joinSession, signUp, type Person } from '../support/session-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** How a string looks inside JSON text (a socket frame, a response body): quotes, backslashes and line breaks escaped. */
const asJson = (text: string): string => JSON.stringify(text).slice(1, -1);

/** Everything one person received: raw socket frames and whole REST answers, as text. */
class Recording {
  readonly frames: string[] = [];
  readonly responses: Array<{ what: string; text: string }> = [];
  events = 0;

  async get(baseUrl: string, path: string, token: string): Promise<void> {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    this.responses.push({ what: `GET ${path} -> ${response.status}`, text: await response.text() });
  }

  /** Where `text` appears, raw or JSON-escaped, if anywhere. */
  whereIs(text: string): string | undefined {
    const forms = [text, asJson(text)];
    const frame = this.frames.find((f) => forms.some((form) => f.includes(form)));
    if (frame) return `a socket frame: ${frame.slice(0, 200)}`;
    const response = this.responses.find((r) => forms.some((form) => r.text.includes(form)));
    return response && response.what;
  }
}

/** The guide's text of every step: what only the interviewer may read (rule I4). */
function guideTexts(problem: ProblemDefinition): string[] {
  return STEP_IDS.flatMap((step) => {
    const guide = problem.guide[step];
    return [...guide.probes, ...guide.followUps, guide.strongAnswer, ...guide.redFlags];
  });
}

/** A custom problem whose every guide line and clarification is unmistakable. */
function customProblemBody(): ProblemBody {
  return {
    title: 'Lost luggage prediction',
    summary: 'Predict which checked bags will miss their connection.',
    prompt: 'An airline wants to know, when a bag is checked in, whether it will miss its connecting flight. Design the system.',
    taskType: 'classification',
    tags: ['aviation'],
    difficulty: 'hard',
    clarifications: [
      { question: 'How many bags a day are checked?', answer: 'Luggage secret one: 400,000 bags a day.' },
      { question: 'How early must the prediction come?', answer: 'Luggage secret two: within 2 seconds of check-in.' },
      { question: 'Which labels exist?', answer: 'Luggage secret three: scan events at every transfer.' },
    ],
    guide: Object.fromEntries(
      STEP_IDS.map((step) => [
        step,
        {
          probes: [`Luggage probe ${step}: ask about the transfer time.`],
          followUps: [`Luggage follow-up ${step}: what about a delayed inbound flight?`],
          strongAnswer: `Luggage strong answer ${step}: the candidate weighs recall against crew workload.`,
          redFlags: [`Luggage red flag ${step}: accuracy as the only metric.`],
        },
      ]),
    ) as ProblemBody['guide'],
    expectedComponents: ['stream-processing', 'inference-service', 'feature-store-online'],
  };
}

/**
 * Rule I4, the leak test: through a whole session, nothing a candidate's or an observer's socket receives and
 * no REST answer they get carries the guide or a clarification the interviewer has not revealed.
 */
describe.each([
  ['a built-in problem', 'built-in'],
  ['the interviewer’s custom problem', 'custom'],
] as const)('the interviewer’s guide stays the interviewer’s, with %s', (_name, kind) => {
  let app: TestApp;
  const clients: InterviewClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ROOM_CONTROLS_BURST: '10000', ROOM_CHAT_BURST: '10000' });
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await app.close();
  });

  it('I4: no frame and no REST answer to the candidate or the observer carries guide text or an unrevealed clarification; the revealed one reaches them', async () => {
    const [interviewer, candidate, observer] = await Promise.all([signUp(app.baseUrl, 'Ivy'), signUp(app.baseUrl, 'Cam'), signUp(app.baseUrl, 'Oz')]);
    let problem: ProblemDefinition;
    if (kind === 'built-in') {
      problem = findProblem('video-recommendation') as ProblemDefinition;
    } else {
      const created = await requestJson<StoredProblem>(app.baseUrl, '/api/problems', { body: customProblemBody(), token: interviewer.token });
      expect(created.status).toBe(201);
      problem = created.body;
    }
    const session = await requestJson<SessionView>(app.baseUrl, '/api/sessions', { body: { problemSlug: problem.slug }, token: interviewer.token });
    expect(session.status).toBe(201);
    const id = session.body.id;
    const code = session.body.inviteCode ?? '';
    await joinSession(app.baseUrl, candidate, code);
    await joinSession(app.baseUrl, observer, code);

    const recordings = new Map<Person, Recording>([
      [candidate, new Recording()],
      [observer, new Recording()],
    ]);
    const sockets = new Map<Person, InterviewClient>();
    for (const [person, recording] of recordings) {
      const client = await interviewClient(app.baseUrl, id, person.token, { onRaw: (frame) => recording.frames.push(frame), track: clients });
      client.socket.onAny(() => recording.events++);
      sockets.set(person, client);
    }
    const lead = await interviewClient(app.baseUrl, id, interviewer.token, { track: clients });
    const readEverything = async () => {
      for (const [person, recording] of recordings) {
        for (const path of [
          `/api/sessions/${id}`,
          '/api/sessions',
          `/api/sessions/${id}/state`,
          `/api/sessions/${id}/timeline`,
          `/api/sessions/${id}/chat`,
          `/api/sessions/${id}/guide`,
          `/api/problems/${problem.slug}`,
          `/api/problems/${problem.slug}/definition`,
          '/api/problems',
          `/api/invites/${code}`,
        ]) {
          await recording.get(app.baseUrl, path, person.token);
        }
      }
    };

    // The whole session: chat before, the start, all seven steps, one clarification revealed, a pause, chat both ways, the end, a debrief.
    const candidateSocket = sockets.get(candidate) as InterviewClient;
    expect(await candidateSocket.chat({ text: 'Hello, I am ready.' })).toMatchObject({ ok: true });
    await readEverything();
    expect(await lead.control({ action: 'start' })).toEqual({ ok: true });
    const revealed = problem.clarifications[1];
    if (!revealed) throw new Error('the problem needs at least two clarifications');
    for (const step of STEP_IDS) {
      expect(await lead.control({ action: 'step', step })).toEqual({ ok: true });
      if (step === 'data') expect(await lead.control({ action: 'reveal', clarificationId: revealed.id })).toEqual({ ok: true });
      if (step === 'model') {
        expect(await lead.control({ action: 'pause' })).toEqual({ ok: true });
        await readEverything();
        expect(await lead.control({ action: 'resume' })).toEqual({ ok: true });
      }
      expect(await lead.chat({ text: `Let us talk about ${step}.` })).toMatchObject({ ok: true });
      expect(await candidateSocket.chat({ text: `My answer on ${step}.` })).toMatchObject({ ok: true });
    }
    expect(await lead.control({ action: 'end' })).toEqual({ ok: true });
    expect(await lead.chat({ text: 'Thanks, good session.' })).toMatchObject({ ok: true });
    await readEverything();
    // Let the last pushes arrive.
    await new Promise((r) => setTimeout(r, 200));

    // What may be said to everyone: the brief, the framework's own step goals, the revealed clarification, the chat.
    const publicText = [problem.title, problem.summary, problem.prompt, revealed.question, revealed.answer, ...FRAMEWORK_STEPS.map((s) => s.goal)].join('\n');
    const secrets = [...guideTexts(problem), ...problem.clarifications.filter((c) => c.id !== revealed.id).flatMap((c) => [c.question, c.answer])].filter(
      (secret) => !publicText.includes(secret),
    );
    expect(secrets.length).toBeGreaterThanOrEqual(7 * 4 + 2);

    // The search finds them where they are: in the interviewer's guide, every one.
    const interviewerRecording = new Recording();
    await interviewerRecording.get(app.baseUrl, `/api/sessions/${id}/guide`, interviewer.token);
    expect(interviewerRecording.responses[0]?.what).toBe(`GET /api/sessions/${id}/guide -> 200`);
    expect(secrets.filter((secret) => interviewerRecording.whereIs(secret) === undefined)).toEqual([]);

    for (const [person, recording] of recordings) {
      const role = person === candidate ? 'candidate' : 'observer';
      // They did receive the session: states, chat, the revealed clarification.
      expect(recording.frames.length).toBeGreaterThan(recording.events);
      // The greeting, the start, six step changes, the reveal, the pause, the resume and the end; all 16 chat messages.
      expect(sockets.get(person)?.states.length).toBeGreaterThanOrEqual(12);
      expect(sockets.get(person)?.messages).toHaveLength(16);
      expect(recording.events).toBeGreaterThanOrEqual(28);
      expect(recording.whereIs(revealed.answer)).toEqual(expect.any(String));
      expect(recording.frames.some((f) => f.includes(asJson(revealed.answer)))).toBe(true);
      expect(recording.responses.find((r) => r.what.startsWith(`GET /api/sessions/${id}/state`) && r.text.includes(asJson(revealed.answer)))).toBeDefined();
      expect(recording.responses.filter((r) => r.what.startsWith(`GET /api/sessions/${id}/guide`)).map((r) => r.what.split(' -> ')[1])).toEqual(['403', '403', '403']);
      // And nothing else.
      const leaks = secrets.map((secret) => ({ secret: secret.slice(0, 80), where: recording.whereIs(secret) })).filter((leak) => leak.where !== undefined);
      expect({ role, leaks }).toEqual({ role, leaks: [] });
    }
    // Even the interviewer's own socket carries no guide: the guide travels only by GET /guide.
    const leadFrames = JSON.stringify(lead.events);
    expect(secrets.filter((secret) => leadFrames.includes(asJson(secret)))).toEqual([]);
  });
});
