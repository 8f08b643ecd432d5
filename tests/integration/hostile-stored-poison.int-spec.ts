import { docSetAside, docSnapshots, docUpdates } from '@mockboard/db';
import { DOC_KEYS, updateMessage, type YjsAck } from '@mockboard/protocol';
import { Logger } from '@nestjs/common';
import { asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { RoomRegistry } from '../../apps/api/src/collab/room-registry';
import { connectedProvider, eventually, rawSocket, sendYjs } from '../support/room-clients';
import { deletesOf, docFrom, editOf } from '../support/room-wire';
import { seatedSession } from '../support/session-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const elementsOf = (doc: Y.Doc): Record<string, unknown> => doc.getMap(DOC_KEYS.elements).toJSON();
const isPending = (doc: Y.Doc): boolean => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/** Rules S10 (set aside) and P9 with the room's own document in view, in-process against the real Postgres. */
describe('poison in storage and unknown deletes', () => {
  let app: TestApp;
  let registry: RoomRegistry;

  beforeAll(async () => {
    app = await startTestApp({ ROOM_UNLOAD_GRACE_MS: '100', ROOM_ACK_DELAY_MS: '0' });
    registry = app.app.get(RoomRegistry);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => app.close());

  const setAsideRows = (sessionId: string) =>
    app.database.db.select().from(docSetAside).where(eq(docSetAside.sessionId, sessionId)).orderBy(asc(docSetAside.source), asc(docSetAside.seq));

  it('S10: a log row and an old snapshot that cannot be integrated are set aside with their reason; the room loads the rest; a second load sets nothing aside again', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    const writer = new Y.Doc();
    const set = (doc: Y.Doc, key: string) => editOf(doc, (d) => d.getMap(DOC_KEYS.elements).set(key, key));
    const rows = [1, 2, 3, 4, 5].map((seq) => ({ seq, update: set(writer, `k${seq}`) }));
    // A client whose first edit never reached the log: its second refers to content nobody has.
    const stranger = new Y.Doc();
    set(stranger, 'lost');
    const orphan = set(stranger, 'lost');
    rows.push({ seq: 6, update: orphan }, { seq: 7, update: set(writer, 'k7') });
    await app.database.db
      .insert(docUpdates)
      .values(rows.map((row) => ({ sessionId: session.id, seq: row.seq, userId: interviewer.userId, createdAt: new Date(), update: row.update })));

    // What the old code stored: a snapshot of a document that held the orphan pending. Yjs encodes pending
    // structs into the state, so the snapshot carries them.
    const old = docFrom(rows.slice(0, 3).map((row) => row.update));
    Y.applyUpdate(old, orphan);
    expect(isPending(old)).toBe(true);
    const poisoned = Y.encodeStateAsUpdate(old);
    await app.database.db
      .insert(docSnapshots)
      .values({ sessionId: session.id, seq: 3, state: poisoned, stateVector: Y.encodeStateVector(old), verified: false });

    const warn = jest.spyOn(Logger.prototype, 'warn');
    const setAsideWarnings = () => warn.mock.calls.filter(([message]) => String(message).includes('set aside')).length;
    const room = await registry.acquire(session.id);
    expect(elementsOf(room.doc)).toEqual(elementsOf(writer));
    expect(isPending(room.doc)).toBe(false);
    const first = await setAsideRows(session.id);
    expect(first).toEqual([
      expect.objectContaining({ source: 'snapshot', seq: 3, reason: expect.stringMatching(/\w/) as unknown, state: poisoned }),
      expect.objectContaining({ source: 'update', seq: 6, reason: expect.stringMatching(/\w/) as unknown, state: null }),
    ]);
    expect(await app.database.db.select().from(docSnapshots).where(eq(docSnapshots.sessionId, session.id))).toEqual([]);
    expect(setAsideWarnings()).toBe(1);

    // New edits follow the whole log, set-aside rows included.
    await new Promise<void>((committed) => room.apply(set(writer, 'k8'), { socketId: 'test', userId: interviewer.userId }, true, committed));
    const seqs = await app.database.db.select({ seq: docUpdates.seq }).from(docUpdates).where(eq(docUpdates.sessionId, session.id));
    expect(Math.max(...seqs.map((r) => r.seq))).toBe(8);

    registry.release(room);
    await eventually(() => room.doc.isDestroyed, 5_000, 'the room to unload');
    // Unloading stored a verified snapshot; without it the next load reads the whole log again, row 6 too.
    await app.database.db.delete(docSnapshots).where(eq(docSnapshots.sessionId, session.id));
    const again = await registry.acquire(session.id);
    expect(again).not.toBe(room);
    expect(elementsOf(again.doc)).toEqual(elementsOf(writer));
    expect(await setAsideRows(session.id)).toEqual(first);
    expect(setAsideWarnings()).toBe(1);
    registry.release(again);
  });

  it('P9: an update whose delete set names a thousand unknown clients is refused out_of_sync; nothing is left pending and edits keep being acknowledged', async () => {
    const { session, interviewer, candidate } = await seatedSession(app.baseUrl);
    const provider = await connectedProvider(app.baseUrl, session.id, interviewer.token);
    try {
      provider.doc.getMap(DOC_KEYS.elements).set('before', 1);
      await provider.whenAcked();
      const attacker = await rawSocket(app.baseUrl, { token: candidate.token, sessionId: session.id });
      const strangers = Array.from({ length: 1_000 }, (_, i) => 2_000_000 + i);
      expect((await sendYjs(attacker, updateMessage(deletesOf(strangers)))).ack).toEqual({ ok: false, error: 'out_of_sync' });
      // A known client, but a range beyond what it wrote.
      expect((await sendYjs(attacker, updateMessage(deletesOf([provider.doc.clientID], 1_000)))).ack).toEqual({ ok: false, error: 'out_of_sync' });
      attacker.close();

      const room = await registry.load(session.id);
      expect(room.doc.store.pendingDs).toBeNull();
      expect(room.doc.store.pendingStructs).toBeNull();

      const acks: YjsAck[] = [];
      provider.on('ack', (ack) => acks.push(ack));
      for (let i = 0; i < 20; i++) provider.doc.getMap(DOC_KEYS.elements).set(`after-${i}`, i);
      await provider.whenAcked();
      expect(acks).toHaveLength(20);
      expect(acks.every((ack) => ack.ok)).toBe(true);
      expect(room.doc.getMap(DOC_KEYS.elements).get('after-19')).toBe(19);
      expect(room.doc.store.pendingDs).toBeNull();
    } finally {
      provider.destroy();
    }
  });
});
