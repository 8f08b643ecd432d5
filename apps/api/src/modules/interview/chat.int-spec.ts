import { chatSendSchema, type ChatHistoryResponse, type ChatMessage, type RoomError, type SessionState } from '@mockboard/protocol';
import { seededRandom } from '@mockboard/testing';
import { hostileBodyText, hostileString, hostileValue } from '../../../../../tests/support/fuzz-json';
import { requestJson } from '../../../../../tests/support/http';
import { CONTROL_ROUTES, interviewApi, interviewCast, interviewClient, sleep, type InterviewClient } from '../../../../../tests/support/interview-clients';
import { eventually } from '../../../../../tests/support/room-clients';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

/** Sends an event without an acknowledgement callback and returns the `room:error` it causes. */
async function refusalWithoutAck(client: InterviewClient, event: string, payload: unknown): Promise<RoomError> {
  const before = client.roomErrors.length;
  client.socket.emit(event, payload);
  await eventually(() => client.roomErrors.length > before, 5_000, `a room:error for ${event}`);
  return client.roomErrors[before] as RoomError;
}

/** Rule I5, and I7 for the chat's and the controls' budgets. */
describe('chat', () => {
  let app: TestApp;
  let api: ReturnType<typeof interviewApi>;
  const clients: InterviewClient[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ROOM_CHAT_BURST: '10000', ROOM_CONTROLS_BURST: '10000' });
    api = interviewApi(app.baseUrl);
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  afterAll(() => app.close());

  const historyOf = async (sessionId: string, token: string): Promise<ChatMessage[]> => {
    const response = await api.read<ChatHistoryResponse>(sessionId, 'chat', token);
    expect(response.status).toBe(200);
    return response.body.messages;
  };

  it('I5: an empty, blank, over-long, non-string, padded-with-fields or control-character text is invalid_message, stored nowhere and sent to no one', async () => {
    const { session, interviewer, candidate } = await interviewCast(app.baseUrl);
    const lead = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    const refused: unknown[] = [
      { text: '' },
      { text: '   ' },
      { text: ' \n\t \r\n ' },
      { text: 'x'.repeat(2001) },
      { text: `  ${'x'.repeat(2001)}  ` },
      { text: 5 },
      { text: null },
      { text: ['hello'] },
      { text: { text: 'hello' } },
      {},
      { text: 'hello', extra: true },
      // Who sent it is the server's to say, not the payload's.
      { text: 'hello', displayName: 'Iris' },
      { text: 'hello', userId: interviewer.userId },
      'hello',
      null,
      42,
      ['hello'],
      { text: 'nul \u0000 inside' },
      { text: 'bell \u0007' },
      { text: '\u001b[31mred' },
      { text: 'line\u2028separator' },
      { text: 'c1 \u0085 control' },
      { text: 'lone \ud800 surrogate' },
      { text: 'DEL \u007f' },
    ];
    // A socket is cut after 20 malformed messages in 10 s (rule P6): a fresh one for each dozen.
    for (let i = 0; i < refused.length; i += 12) {
      const socket = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
      for (const payload of refused.slice(i, i + 12)) {
        expect({ payload, ack: await socket.chat(payload) }).toEqual({ payload, ack: { ok: false, error: 'invalid_message' } });
      }
      expect(socket.socket.connected).toBe(true);
      expect(socket.messages).toEqual([]);
      // Refused in the acknowledgement, so not also as room:error.
      expect(socket.roomErrors).toEqual([]);
      socket.close();
    }
    // No ack callback: the refusal comes as room:error.
    const socket = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    expect(await refusalWithoutAck(socket, 'chat:send', { text: '' })).toEqual({ code: 'invalid_message', message: expect.any(String) });
    expect(await historyOf(session.id, candidate.token)).toEqual([]);
    expect(lead.messages).toEqual([]);
  });

  it('I7: malformed chat:send and session:control count towards the socket’s strikes: past 20 in 10 s it is disconnected; forbidden and read_only are no strikes', async () => {
    const { session, interviewer, candidate, observer } = await interviewCast(app.baseUrl);
    const watch = await interviewClient(app.baseUrl, session.id, observer.token, { track: clients });
    for (let i = 0; i < 25; i++) expect(await watch.chat({ text: '' })).toEqual({ ok: false, error: 'read_only' });
    const cand = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    for (let i = 0; i < 25; i++) expect(await cand.control({ action: 'start', now: true })).toEqual({ ok: false, error: 'forbidden' });
    expect(watch.socket.connected && cand.socket.connected).toBe(true);

    const lead = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    for (let i = 0; i < 20; i++) {
      const ack = await (i % 2 === 0 ? lead.chat({ text: 5 }) : lead.control({ action: 'jump' }));
      expect(ack).toEqual({ ok: false, error: 'invalid_message' });
    }
    expect(lead.socket.connected).toBe(true);
    lead.socket.emit('chat:send', { text: '' });
    await eventually(() => !lead.socket.connected, 5_000, 'the socket to be cut after its 21st malformed message');
    // The user is not shut out: a fresh socket works.
    const again = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    expect(await again.chat({ text: 'back' })).toEqual({ ok: true, id: expect.any(Number) });
  });

  it('I5: 2,000 characters after trimming, line breaks, tabs and any script are accepted; the text is stored trimmed with plain line breaks', async () => {
    const { session, interviewer, candidate } = await interviewCast(app.baseUrl);
    const cand = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    const lead = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    const accepted: Array<[string, string]> = [
      ['x'.repeat(2000), 'x'.repeat(2000)],
      [`  \n${'y'.repeat(2000)}\n  `, 'y'.repeat(2000)],
      ['first line\nsecond line\n\tindented', 'first line\nsecond line\n\tindented'],
      ['windows\r\nline\rbreaks', 'windows\nline\nbreaks'],
      ['a', 'a'],
      ['😀 مرحبا 中文 e\u0301', '😀 مرحبا 中文 e\u0301'],
      ['<script>alert(1)</script> and \'; drop table users; --', '<script>alert(1)</script> and \'; drop table users; --'],
    ];
    const ids: number[] = [];
    for (const [sent, stored] of accepted) {
      const ack = await cand.chat({ text: sent });
      expect(ack).toEqual({ ok: true, id: expect.any(Number) });
      if (ack.ok) ids.push(ack.id);
      // The sender gets its own message back, as everyone else does.
      const own = await eventually(() => cand.messages.some((m) => ack.ok && m.id === ack.id), 5_000, 'the sender’s own chat:message').then(() =>
        cand.messages.find((m) => ack.ok && m.id === ack.id),
      );
      expect(own).toEqual({ id: ack.ok ? ack.id : -1, at: expect.any(Number), userId: candidate.userId, displayName: 'Cole', text: stored });
    }
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    await eventually(() => lead.messages.length === accepted.length, 5_000, 'the interviewer to get every message');
    expect(lead.messages).toEqual(cand.messages);
    // The history: oldest first, as pushed.
    expect(await historyOf(session.id, interviewer.token)).toEqual(cand.messages);
    expect((await historyOf(session.id, candidate.token)).map((m) => m.text)).toEqual(accepted.map(([, stored]) => stored));
  });

  it('I5: chat works before, during (paused too) and after the interview, both ways; the observer reads it live and in the history but cannot write', async () => {
    const { session, interviewer, candidate, observer } = await interviewCast(app.baseUrl);
    const lead = await interviewClient(app.baseUrl, session.id, interviewer.token, { track: clients });
    const cand = await interviewClient(app.baseUrl, session.id, candidate.token, { track: clients });
    const watch = await interviewClient(app.baseUrl, session.id, observer.token, { track: clients });
    const texts: string[] = [];
    const phase = async (name: string) => {
      for (const [client, who] of [
        [lead, 'interviewer'],
        [cand, 'candidate'],
      ] as const) {
        const text = `${who} ${name}`;
        expect(await client.chat({ text })).toEqual({ ok: true, id: expect.any(Number) });
        texts.push(text);
      }
      expect(await watch.chat({ text: `observer ${name}` })).toEqual({ ok: false, error: 'read_only' });
    };
    await phase('before');
    await api.ok(session.id, 'start', interviewer.token);
    await phase('during');
    await api.ok(session.id, 'pause', interviewer.token);
    await phase('paused');
    await api.ok(session.id, 'resume', interviewer.token);
    await api.ok(session.id, 'end', interviewer.token);
    await phase('after');
    expect(await refusalWithoutAck(watch, 'chat:send', { text: 'no ack' })).toEqual({ code: 'read_only', message: expect.any(String) });

    await eventually(() => watch.messages.length === texts.length, 5_000, 'the observer to get every message');
    expect(watch.messages.map((m) => m.text)).toEqual(texts);
    expect((await historyOf(session.id, observer.token)).map((m) => m.text)).toEqual(texts);
    expect(watch.socket.connected).toBe(true);
  });

  describe('I7: budgets', () => {
    let limited: TestApp;
    let limitedApi: ReturnType<typeof interviewApi>;
    const BURST = 3;

    beforeAll(async () => {
      limited = await startTestApp({
        ROOM_CHAT_BURST: String(BURST),
        ROOM_CHAT_PER_SECOND: '1',
        ROOM_CONTROLS_BURST: String(BURST),
        ROOM_CONTROLS_PER_SECOND: '1',
      });
      limitedApi = interviewApi(limited.baseUrl);
    });
    afterAll(() => limited.close());

    it('I5/I7: a burst of chat is accepted up to the burst, then rate_limited over all of one user’s sockets; the refused are stored and sent nowhere, the socket stays, and the budget refills', async () => {
      const { session, interviewer, candidate } = await interviewCast(limited.baseUrl);
      const cand = await interviewClient(limited.baseUrl, session.id, candidate.token, { track: clients });
      const candTab = await interviewClient(limited.baseUrl, session.id, candidate.token, { track: clients });
      const lead = await interviewClient(limited.baseUrl, session.id, interviewer.token, { track: clients });

      const started = Date.now();
      const acks = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? cand : candTab).chat({ text: `flood ${i}` })));
      const seconds = (Date.now() - started) / 1000;
      const accepted = acks.filter((a) => a.ok);
      expect(acks.every((a) => a.ok || a.error === 'rate_limited')).toBe(true);
      // The burst, plus what the rate refilled while they were sent.
      expect(accepted.length).toBeGreaterThanOrEqual(BURST);
      expect(accepted.length).toBeLessThanOrEqual(BURST + Math.ceil(seconds));
      expect(acks.some((a) => !a.ok)).toBe(true);
      expect(cand.socket.connected && candTab.socket.connected).toBe(true);

      // Another user's budget is their own.
      expect(await lead.chat({ text: 'the interviewer is not limited by the candidate' })).toEqual({ ok: true, id: expect.any(Number) });
      const history = await historyOf(session.id, interviewer.token);
      expect(history).toHaveLength(accepted.length + 1);
      await sleep(300);
      expect(lead.messages).toHaveLength(accepted.length + 1);

      // Sent without an acknowledgement callback, the refusal comes as room:error.
      cand.socket.emit('chat:send', { text: 'no ack 1' });
      expect(await refusalWithoutAck(cand, 'chat:send', { text: 'no ack 2' })).toEqual({ code: 'rate_limited', message: expect.any(String) });

      await sleep(1_100);
      expect(await cand.chat({ text: 'after a second' })).toEqual({ ok: true, id: expect.any(Number) });
    });

    it('I7: the interviewer’s controls spend one budget over the socket and REST: past the burst both are refused (rate_limited, 429) until it refills', async () => {
      const { session, interviewer } = await interviewCast(limited.baseUrl);
      const lead = await interviewClient(limited.baseUrl, session.id, interviewer.token, { track: clients });
      // Two tabs and a script press "start" at once: one starts the session, and the burst is spent.
      const burst = await Promise.all([
        lead.control({ action: 'start' }),
        lead.control({ action: 'start' }),
        limitedApi.command(session.id, 'start', interviewer.token).then((r) => (r.status === 200 ? { ok: true } : { ok: false, error: r.body?.error?.code })),
      ]);
      expect(burst.filter((a) => a.ok)).toHaveLength(1);
      expect(burst.filter((a) => !a.ok)).toEqual([
        { ok: false, error: 'conflict' },
        { ok: false, error: 'conflict' },
      ]);
      // A fourth command is refused whichever way it comes, before its body or the status is looked at.
      const rest = await limitedApi.command(session.id, 'step', interviewer.token, { step: 'framing' });
      expect({ status: rest.status, code: rest.body?.error?.code }).toEqual({ status: 429, code: 'rate_limited' });
      expect(await lead.control({ action: 'step', step: 'framing' })).toEqual({ ok: false, error: 'rate_limited' });
      expect(await lead.control({ action: 'no-such-action' })).toEqual({ ok: false, error: 'rate_limited' });
      expect(await refusalWithoutAck(lead, 'session:control', { action: 'pause' })).toEqual({ code: 'rate_limited', message: expect.any(String) });
      expect((await limitedApi.read<SessionState>(session.id, 'state', interviewer.token)).body).toMatchObject({ currentStep: 'requirements', paused: false });
      expect(lead.socket.connected).toBe(true);

      await sleep(1_100);
      expect((await limitedApi.command(session.id, 'step', interviewer.token, { step: 'framing' })).status).toBe(200);
    });
  });

  describe('hostile payloads', () => {
    const OK_ERRORS = new Set(['invalid_message', 'conflict', 'forbidden', 'read_only']);
    /** Socket.IO takes up to twice ROOM_MAX_MESSAGE_BYTES; the fuzz stays well inside it rather than test the transport's cut-off. */
    const MAX_PAYLOAD_CHARS = 256 * 1024;

    it('I5/I7: seeded fuzz of chat:send and session:control: every payload is acknowledged, never server_busy; sockets stay usable, the server healthy, and only valid texts are stored', async () => {
      const random = seededRandom();
      console.log(`interview socket fuzz: seed ${random.seed} (FUZZ_SEED=${random.seed} replays it)`);
      const { session, interviewer, candidate } = await interviewCast(app.baseUrl);
      const senders = [
        { person: interviewer, role: 'interviewer' },
        { person: candidate, role: 'candidate' },
      ] as const;
      const valid: Array<Record<string, unknown>> = [
        { text: 'hello' },
        { action: 'start' },
        { action: 'step', step: 'data' },
        { action: 'pause' },
        { action: 'resume' },
        { action: 'reveal', clarificationId: 'scale' },
      ];
      const sockets = new Map<string, { client: InterviewClient; strikes: number }>();
      const socketOf = async (role: string, token: string) => {
        let entry = sockets.get(role);
        // Stay under the 20 malformed messages that get a socket cut (rule P6): that is not what this checks.
        if (!entry || entry.strikes >= 15) {
          entry?.client.close();
          entry = { client: await interviewClient(app.baseUrl, session.id, token, { track: clients }), strikes: 0 };
          sockets.set(role, entry);
        }
        return entry;
      };

      const tally: Record<string, number> = {};
      let skipped = 0;
      for (let i = 0; i < 300; i++) {
        const sender = random.pick(senders);
        const event = random.chance(0.5) ? 'chat:send' : 'session:control';
        let payload: unknown;
        if (random.chance(0.2)) {
          // Well-formed, with a hostile text: these reach the database.
          payload = event === 'chat:send' ? { text: hostileString(random) } : { action: 'reveal', clarificationId: hostileString(random) };
        } else if (random.chance(0.4)) {
          payload = hostileValue(random);
        } else {
          const text = hostileBodyText(random, random.pick(valid));
          try {
            // Deep nesting is sent as text: Socket.IO's client would overflow its own stack looking for binaries.
            payload = text.startsWith('[[[[[[[[') ? text : (JSON.parse(text) as unknown);
          } catch {
            payload = text;
          }
        }
        if ((JSON.stringify(payload) ?? '').length > MAX_PAYLOAD_CHARS) {
          skipped++;
          continue;
        }
        const entry = await socketOf(sender.role, sender.person.token);
        let ack: unknown;
        try {
          ack = await entry.client.socket.timeout(5_000).emitWithAck(event, payload);
        } catch (error) {
          throw new Error(`seed ${random.seed}, case ${i}: ${event} from the ${sender.role} was not acknowledged (${String(error)}): ${JSON.stringify(payload)?.slice(0, 300)}`);
        }
        const result = ack as { ok: boolean; error?: string };
        const label = result.ok ? 'ok' : String(result.error);
        tally[`${event} ${label}`] = (tally[`${event} ${label}`] ?? 0) + 1;
        if (!result.ok && !OK_ERRORS.has(String(result.error))) {
          throw new Error(`seed ${random.seed}, case ${i}: ${event} from the ${sender.role} answered ${JSON.stringify(result)}: ${JSON.stringify(payload)?.slice(0, 300)}`);
        }
        if (result.error === 'invalid_message') entry.strikes++;
        if (!entry.client.socket.connected) throw new Error(`seed ${random.seed}, case ${i}: the ${sender.role}'s socket was disconnected`);
      }
      console.log(`interview socket fuzz (seed ${random.seed}): ${JSON.stringify(tally)}; ${skipped} oversize payloads skipped`);

      // Still usable and healthy.
      for (const [role, { client }] of sockets) {
        expect({ role, ack: await client.chat({ text: `still here: ${role}` }) }).toEqual({ role, ack: { ok: true, id: expect.any(Number) } });
      }
      const health = await requestJson<{ status: string }>(app.baseUrl, '/api/health');
      expect({ status: health.status, body: health.body.status }).toEqual({ status: 200, body: 'ok' });
      expect((await api.read(session.id, 'state', candidate.token)).status).toBe(200);
      // Whatever was stored is a valid chat text.
      for (const message of await historyOf(session.id, candidate.token)) {
        expect(chatSendSchema.safeParse({ text: message.text })).toMatchObject({ success: true, data: { text: message.text } });
      }
    });

    it('I3: seeded fuzz of the REST control routes: every body is answered 200, 400, 409 or 413, never a 500', async () => {
      const random = seededRandom();
      console.log(`interview REST fuzz: seed ${random.seed} (FUZZ_SEED=${random.seed} replays it)`);
      const { session, interviewer } = await interviewCast(app.baseUrl);
      const valid: Record<(typeof CONTROL_ROUTES)[number], Record<string, unknown>> = {
        start: {},
        step: { step: 'data' },
        pause: {},
        resume: {},
        end: {},
        reveal: { clarificationId: 'scale' },
      };
      const tally: Record<string, number> = {};
      for (let i = 0; i < 150; i++) {
        const action = random.pick(CONTROL_ROUTES);
        // `end` would make the rest one long conflict: it is fuzzed, but rarely.
        if (action === 'end' && random.chance(0.8)) continue;
        const rawBody = Object.keys(valid[action]).length > 0 ? hostileBodyText(random, valid[action]) : JSON.stringify(hostileValue(random));
        const response = await requestJson(app.baseUrl, `/api/sessions/${session.id}/${action}`, { rawBody, token: interviewer.token }).catch(
          (error: unknown) => ({ status: -1, body: String(error) }),
        );
        tally[`${action} ${response.status}`] = (tally[`${action} ${response.status}`] ?? 0) + 1;
        if (![200, 400, 409, 413].includes(response.status)) {
          throw new Error(`seed ${random.seed}, case ${i}: ${action} answered ${response.status} ${JSON.stringify(response.body)} to ${rawBody.slice(0, 300)}`);
        }
      }
      console.log(`interview REST fuzz (seed ${random.seed}): ${JSON.stringify(tally)}`);
      expect((await requestJson(app.baseUrl, '/api/health')).status).toBe(200);
    });
  });
});
