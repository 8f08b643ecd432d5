import { isDeepStrictEqual } from 'node:util';
import { awarenessUpdateMessage, type PresenceState } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import type { Socket } from 'socket.io-client';
import { connectedProvider, eventually, rawSocket, sendYjs } from '../support/room-clients';
import { awarenessUpdate } from '../support/room-wire';
import { joinSession, seatedSession, signUp, type Person } from '../support/session-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const MAX_PRESENCE_BYTES = 1024;
const IDS_PER_SOCKET = 2;

type States = Record<string, unknown>;
const statesOf = (provider: RoomProvider): States =>
  Object.fromEntries([...provider.awareness.getStates()].filter(([id]) => id !== provider.doc.clientID).map(([id, state]) => [String(id), state]));
const clockOf = (provider: RoomProvider): number => provider.awareness.meta.get(provider.doc.clientID)?.clock ?? 0;

/** Rule D4: a socket speaks only for its own presence, and the server says who it is. */
describe('presence forging', () => {
  let app: TestApp;
  const providers: RoomProvider[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp({ ROOM_MAX_PRESENCE_BYTES: String(MAX_PRESENCE_BYTES), ROOM_PRESENCE_IDS_PER_SOCKET: String(IDS_PER_SOCKET) });
  });
  afterEach(() => {
    providers.splice(0).forEach((p) => p.destroy());
    sockets.splice(0).forEach((s) => s.close());
  });
  afterAll(() => app.close());

  /** A seated session whose interviewer and candidate publish their presence, and an observer's raw socket. */
  const room = async () => {
    const { session, interviewer, candidate } = await seatedSession(app.baseUrl);
    const watcher = await signUp(app.baseUrl, 'Watcher');
    expect((await joinSession(app.baseUrl, watcher, session.inviteCode ?? '')).role).toBe('observer');
    const connect = (person: Person) => connectedProvider(app.baseUrl, session.id, person.token, { track: providers });
    const a = await connect(interviewer);
    const b = await connect(candidate);
    a.awareness.setLocalState({ user: { color: '#0a0' }, pointer: { x: 1, y: 1, tool: 'pointer' } });
    b.awareness.setLocalState({ user: { color: '#00a' }, pointer: { x: 2, y: 2, tool: 'pointer' } });
    await eventually(() => b.awareness.getStates().has(a.doc.clientID) && a.awareness.getStates().has(b.doc.clientID), 5_000, 'presence exchange');
    const observer = await rawSocket(app.baseUrl, { token: watcher.token, sessionId: session.id });
    sockets.push(observer);
    const forge = async (entries: Array<{ clientId: number; clock: number; state: unknown }>) =>
      (await sendYjs(observer, awarenessUpdateMessage(awarenessUpdate(entries)))).ack;
    return { sessionId: session.id, interviewer, candidate, watcher, a, b, observer, forge, connect };
  };

  it('D4: an observer cannot rename or remove others, publishes only as itself, within size and count limits; newcomers see the server view; leaving removes only its states', async () => {
    const { interviewer, candidate, watcher, a, b, observer, forge, connect } = await room();
    // The server set who they are, whatever the client published.
    expect(statesOf(b)[String(a.doc.clientID)]).toMatchObject({ user: { id: interviewer.userId, name: 'Interviewer', role: 'interviewer', color: '#0a0' } });
    const seenByA = statesOf(a);
    const seenByB = statesOf(b);

    const evil = { user: { id: interviewer.userId, name: 'Evil', role: 'interviewer', color: '#f00' } };
    expect(await forge([{ clientId: a.doc.clientID, clock: clockOf(a) + 1, state: evil }])).toEqual({ ok: false, error: 'forbidden' });
    expect(await forge([{ clientId: b.doc.clientID, clock: clockOf(b) + 1, state: null }])).toEqual({ ok: false, error: 'forbidden' });

    const fakeId = 424_242;
    const fake = { user: { id: interviewer.userId, name: 'Interviewer', role: 'interviewer', color: '#123' }, pointer: { x: 9, y: 9, tool: 'laser' } };
    expect(await forge([{ clientId: fakeId, clock: 1, state: fake }])).toEqual({ ok: true });
    const vouched = { user: { id: watcher.userId, name: 'Watcher', role: 'observer', color: '#123' }, pointer: { x: 9, y: 9, tool: 'laser' } };
    await eventually(() => isDeepStrictEqual(statesOf(b)[String(fakeId)], vouched), 5_000, 'the rewritten state to reach the candidate');

    const oversize = { ...fake, selectedElementIds: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`element-${i}`, true])) };
    expect(JSON.stringify(oversize).length).toBeGreaterThan(MAX_PRESENCE_BYTES);
    expect(await forge([{ clientId: fakeId, clock: 2, state: oversize }])).toEqual({ ok: false, error: 'too_large' });
    // One id held already: two more exceed the limit of two, and the whole update is refused.
    expect(
      await forge([
        { clientId: 1_111, clock: 1, state: fake },
        { clientId: 2_222, clock: 1, state: fake },
      ]),
    ).toEqual({ ok: false, error: 'forbidden' });
    // A legitimate change bundled with a forged one is refused whole.
    expect(
      await forge([
        { clientId: fakeId, clock: 3, state: { ...fake, pointer: { x: 0, y: 0, tool: 'pointer' } } },
        { clientId: a.doc.clientID, clock: clockOf(a) + 5, state: null },
      ]),
    ).toEqual({ ok: false, error: 'forbidden' });
    expect(observer.connected).toBe(true);

    // The interviewer still speaks for itself.
    a.awareness.setLocalStateField('pointer', { x: 5, y: 5, tool: 'pointer' });
    await eventually(() => (statesOf(b)[String(a.doc.clientID)] as PresenceState | undefined)?.pointer?.x === 5, 5_000, 'the interviewer to move');
    const stateA = statesOf(b)[String(a.doc.clientID)];
    const stateB = seenByA[String(b.doc.clientID)];
    expect(stateA).toMatchObject({ user: { id: interviewer.userId, name: 'Interviewer', role: 'interviewer' } });
    expect(stateB).toMatchObject({ user: { id: candidate.userId, name: 'Candidate', role: 'candidate' } });
    const ids = [a.doc.clientID, b.doc.clientID, fakeId, 1_111, 2_222].map(String);
    const everyone = { [String(a.doc.clientID)]: stateA, [String(b.doc.clientID)]: stateB, [String(fakeId)]: vouched };
    const view = (provider: RoomProvider): States => pick(statesOf(provider), ids);
    const expectedFor = (provider: RoomProvider, states: States): States => omit(states, String(provider.doc.clientID));
    expect(view(b)).toEqual(expectedFor(b, everyone));
    expect(view(a)).toEqual(expectedFor(a, everyone));
    expect(seenByB[String(a.doc.clientID)]).toMatchObject({ user: { id: interviewer.userId, name: 'Interviewer' } });

    const newcomer = await connect(candidate);
    await eventually(() => view(newcomer)[String(fakeId)] !== undefined, 5_000, 'presence for the newcomer');
    expect(view(newcomer)).toEqual(everyone);

    observer.close();
    await eventually(() => !b.awareness.getStates().has(fakeId) && !newcomer.awareness.getStates().has(fakeId), 5_000, 'the observer state to go');
    const remaining = omit(everyone, String(fakeId));
    expect(view(b)).toEqual(expectedFor(b, remaining));
    expect(view(a)).toEqual(expectedFor(a, remaining));
    expect(view(newcomer)).toEqual(remaining);
  });

  /**
   * A participant who reconnects keeps its Y.Doc, so its awareness client id; an observer who watched the
   * room knows that id. The id stays its user's while they are away, so the observer cannot take it over,
   * and the returning participant speaks for it again.
   */
  it('D4: an observer cannot grab the presence id of a participant who is away; the participant gets it back on reconnecting', async () => {
    const { a, b, forge } = await room();
    const errors: string[] = [];
    a.on('room-error', (error) => errors.push(error.code));
    a.socket.disconnect();
    await eventually(() => !b.awareness.getStates().has(a.doc.clientID), 5_000, 'the interviewer presence to go');
    // Nobody shows the id now; the observer tries it, with a clock far ahead of the interviewer's.
    expect(await forge([{ clientId: a.doc.clientID, clock: clockOf(a) + 1_000, state: { user: { color: '#f00' } } }])).toEqual({
      ok: false,
      error: 'forbidden',
    });
    a.socket.connect();
    await a.whenSynced();
    a.awareness.setLocalStateField('pointer', { x: 7, y: 7, tool: 'pointer' });
    await eventually(
      () => (statesOf(b)[String(a.doc.clientID)] as PresenceState | undefined)?.user.role === 'interviewer',
      3_000,
      `the interviewer's own presence back (room errors: ${errors.join(', ') || 'none'}; seen: ${JSON.stringify(statesOf(b)[String(a.doc.clientID)])})`,
    );
    expect(errors).toEqual([]);
  });
});

function pick(states: States, keys: readonly string[]): States {
  return Object.fromEntries(Object.entries(states).filter(([key]) => keys.includes(key)));
}

function omit(states: States, key: string): States {
  const { [key]: _, ...rest } = states;
  return rest;
}
