import { docUpdates } from '@mockboard/db';
import { DOC_KEYS, syncStep1Message } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import { Logger } from '@nestjs/common';
import * as Y from 'yjs';
import type { Room } from '../../apps/api/src/collab/room';
import { RoomRegistry } from '../../apps/api/src/collab/room-registry';
import { connectedBareSocket, type BareRoomSocket } from '../support/bare-room-socket';
import { connectedProvider, eventually } from '../support/room-clients';
import { seatedSession, type Person } from '../support/session-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const MiB = 1024 * 1024;
const MAX_BUFFERED = 2 * MiB;

/** Rule P11: what may wait to be sent to one socket is capped, in-process so the room is in view. */
describe('a reader that never reads', () => {
  let app: TestApp;
  let registry: RoomRegistry;
  const providers: RoomProvider[] = [];
  const bare: BareRoomSocket[] = [];
  const held: Room[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      ROOM_MAX_BUFFERED_BYTES: String(MAX_BUFFERED),
      // The sync budget would stop the flood on its own: the outbound ceiling is what is under test.
      ROOM_SYNC_BYTES_PER_SECOND: String(256 * MiB),
    });
    registry = app.app.get(RoomRegistry);
  });
  afterEach(() => {
    providers.splice(0).forEach((p) => p.destroy());
    bare.splice(0).forEach((s) => s.terminate());
    held.splice(0).forEach((room) => registry.release(room));
    jest.restoreAllMocks();
  });
  afterAll(() => app.close());

  /** A session whose board is about `bytes` big, written straight to its log as one update. */
  const sessionWithBoard = async (bytes: number): Promise<{ sessionId: string; interviewer: Person; candidate: Person }> => {
    const { session, interviewer, candidate } = await seatedSession(app.baseUrl);
    const doc = new Y.Doc();
    const elements = doc.getMap(DOC_KEYS.elements);
    const chunk = 100 * 1024;
    for (let i = 0; i * chunk < bytes; i++) elements.set(`big-${i}`, { id: `big-${i}`, version: 1, text: String(i % 10).repeat(chunk) });
    await app.database.db
      .insert(docUpdates)
      .values({ sessionId: session.id, seq: 1, userId: interviewer.userId, createdAt: new Date(), update: Y.encodeStateAsUpdate(doc) });
    return { sessionId: session.id, interviewer, candidate };
  };

  const connect = (sessionId: string, person: Person): Promise<RoomProvider> => connectedProvider(app.baseUrl, sessionId, person.token, { track: providers });

  it('P11: a socket that stops reading and keeps asking for a 1.5 MB board is cut once 2 MB wait for it; the room keeps serving others', async () => {
    const { sessionId, interviewer, candidate } = await sessionWithBoard(1.5 * MiB);
    const a = await connect(sessionId, interviewer);
    const b = await connect(sessionId, candidate);
    expect(b.doc.getMap(DOC_KEYS.elements).size).toBeGreaterThan(10);
    // Held by the test as well (acquire, which the server's own code also uses): 2 providers + 1.
    const room = await registry.acquire(sessionId);
    held.push(room);
    expect(room.connections).toBe(3);

    const warn = jest.spyOn(Logger.prototype, 'warn');
    const reader = await connectedBareSocket(app.baseUrl, { token: candidate.token, sessionId });
    bare.push(reader);
    await eventually(() => room.connections === 4, 5_000, 'the bare socket to join');
    reader.tcp.pause();
    const emptyVector = syncStep1Message(Y.encodeStateVector(new Y.Doc()));
    let asked = 0;
    // Before this work the server answered every one of these and kept what the reader did not take.
    const deadline = Date.now() + 20_000;
    while (room.connections === 4 && Date.now() < deadline) {
      reader.emitYjs(emptyVector);
      asked++;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(room.connections).toBe(3);
    expect(warn.mock.calls.some(([message]) => String(message).includes('stopped reading'))).toBe(true);
    // Kernel buffers take several answers before anything waits in the server, but not endlessly many.
    expect(asked).toBeLessThan(200);
    reader.tcp.resume();
    await eventually(() => reader.closed, 10_000, 'the bare socket to see its connection end');

    a.doc.getMap(DOC_KEYS.elements).set('after-cut', 1);
    await eventually(() => b.doc.getMap(DOC_KEYS.elements).get('after-cut') === 1, 5_000, 'fan-out after the cut');
    const newcomer = await connect(sessionId, candidate);
    expect(newcomer.doc.getMap(DOC_KEYS.elements).toJSON()).toEqual(a.doc.getMap(DOC_KEYS.elements).toJSON());
  }, 40_000);

  /**
   * The ceiling bounds what piles up behind a socket, not the size of one answer: a board bigger than
   * ROOM_MAX_BUFFERED_BYTES still reaches a newcomer who reads (else one participant could grow a board past
   * it and lock everyone else out of the session).
   */
  it('P11: a newcomer who reads is served a board bigger than ROOM_MAX_BUFFERED_BYTES', async () => {
    const { sessionId, interviewer } = await sessionWithBoard(3 * MiB);
    const newcomer = await connectedProvider(app.baseUrl, sessionId, interviewer.token, { track: providers, timeoutMs: 5_000 });
    expect(newcomer.doc.getMap(DOC_KEYS.elements).size).toBeGreaterThan(25);
  }, 15_000);
});
