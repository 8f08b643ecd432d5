import { docSnapshots, docUpdates } from '@mockboard/db';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { seatedSession } from '../../../../tests/support/session-fixture';
import { connectedProvider, eventually } from '../../../../tests/support/room-clients';
import { editOf } from '../../../../tests/support/room-wire';
import { startTestApp, type TestApp } from '../../../../tests/support/test-app';
import { RoomRegistry } from './room-registry';

const origin = (userId: string) => ({ socketId: 'test', userId });

/** Rules S4-S8 against the real Postgres: load, compaction, single-flight, unload. */
describe('RoomRegistry', () => {
  let app: TestApp;
  let registry: RoomRegistry;
  beforeAll(async () => {
    app = await startTestApp({ ROOM_SNAPSHOT_EVERY: '50', ROOM_UNLOAD_GRACE_MS: '50' });
    registry = app.app.get(RoomRegistry);
  });
  afterAll(() => app.close());

  const edit = (doc: Y.Doc, key: string, value: number): Uint8Array => editOf(doc, (d) => d.getMap('elements').set(key, value));

  /** Edits made on `doc`, written straight to the log as seqs 1..count, as a room would have logged them. */
  const logEdits = async (sessionId: string, userId: string, doc: Y.Doc, count: number, key: (i: number) => string) => {
    const rows = Array.from({ length: count }, (_, i) => ({ sessionId, seq: i + 1, userId, createdAt: new Date(), update: edit(doc, key(i), i) }));
    await app.database.db.insert(docUpdates).values(rows);
    return rows;
  };

  it('S6: two first connections share one load', async () => {
    const { session } = await seatedSession(app.baseUrl);
    const [a, b] = await Promise.all([registry.acquire(session.id), registry.acquire(session.id)]);
    expect(a).toBe(b);
    expect(a.connections).toBe(2);
    registry.release(a);
    registry.release(b);
  });

  it('S4/S5/S8: snapshots every N updates, keeps the whole log, unloads when idle and reloads the same state', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    const room = await registry.acquire(session.id);
    const client = new Y.Doc();
    for (let i = 0; i < 120; i++) room.apply(edit(client, `k${i % 30}`, i), origin(interviewer.userId), true);
    await room.whenSettled();

    // Every 50 updates, the first one after a random 25 to 50: by 120 updates, two snapshots, the last at 75 or later.
    await eventually(async () => {
      const [snapshot] = await app.database.db.select().from(docSnapshots).where(eq(docSnapshots.sessionId, session.id));
      return (snapshot?.seq ?? 0) >= 75;
    }, 5_000, 'a snapshot at seq >= 75');
    const logged = await app.database.db.select({ seq: docUpdates.seq }).from(docUpdates).where(eq(docUpdates.sessionId, session.id));
    expect(logged).toHaveLength(120);

    const expected = room.doc.getMap('elements').toJSON();
    registry.release(room);
    await eventually(() => registry.loadedCount === 0 || room.doc.isDestroyed, 5_000, 'the idle room to unload');
    const [snapshot] = await app.database.db.select().from(docSnapshots).where(eq(docSnapshots.sessionId, session.id));
    expect(snapshot?.seq).toBe(120);

    const reloaded = await registry.acquire(session.id);
    expect(reloaded).not.toBe(room);
    expect(reloaded.doc.getMap('elements').toJSON()).toEqual(expected);
    // New updates continue the sequence after the snapshot.
    await new Promise<void>((committed) => reloaded.apply(edit(client, 'after-reload', 1), origin(interviewer.userId), true, committed));
    const [last] = await app.database.db
      .select({ seq: docUpdates.seq })
      .from(docUpdates)
      .where(eq(docUpdates.sessionId, session.id))
      .orderBy(docUpdates.seq)
      .then((rows) => rows.slice(-1));
    expect(last?.seq).toBe(121);
    registry.release(reloaded);
  });

  it('S4: loads from the log alone when there is no snapshot', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    const client = new Y.Doc();
    await logEdits(session.id, interviewer.userId, client, 30, (i) => `log-${i}`);
    const room = await registry.acquire(session.id);
    expect(room.doc.getMap('elements').toJSON()).toEqual(client.getMap('elements').toJSON());
    registry.release(room);
  });

  it('S4: a room loaded from a snapshot alone serves it as stored, and builds its document for the first edit', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    const writer = new Y.Doc();
    const first = await registry.acquire(session.id);
    for (let i = 0; i < 10; i++) first.apply(edit(writer, `before-${i}`, i), origin(interviewer.userId), true);
    await first.whenSettled();
    registry.release(first);
    await eventually(() => first.doc.isDestroyed, 5_000, 'the room to unload');

    // A real client's whole opening exchange (its step 2 is empty) leaves the room as loaded.
    const provider = await connectedProvider(app.baseUrl, session.id, interviewer.token);
    expect(provider.doc.getMap('elements').toJSON()).toEqual(writer.getMap('elements').toJSON());
    await provider.whenAcked();
    provider.destroy();
    const room = await registry.acquire(session.id);
    expect(room.built).toBe(false);
    expect(room.stateVector()).toEqual(Y.encodeStateVector(writer));
    const newcomer = new Y.Doc();
    room.missingFor(Y.encodeStateVector(newcomer)).forEach((update) => Y.applyUpdate(newcomer, update));
    expect(newcomer.getMap('elements').toJSON()).toEqual(writer.getMap('elements').toJSON());

    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(writer));
    await new Promise<void>((committed) => room.apply(edit(late, 'after', 1), origin(interviewer.userId), true, committed));
    expect(room.built).toBe(true);
    const expectedKeys = [...Array.from({ length: 10 }, (_, i) => `before-${i}`), 'after'];
    expect(Object.keys(room.doc.getMap('elements').toJSON()).sort()).toEqual(expectedKeys.sort());
    registry.release(room);
  });

  it.each([
    ['stored with it', true],
    ['computed on load (a snapshot older than migration 0003)', false],
  ])('S4: a room loaded from a snapshot and a tail, state vector %s, serves a newcomer the whole document and keeps it on the first edit', async (_, storedVector) => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    const writer = new Y.Doc();
    const rows = await logEdits(session.id, interviewer.userId, writer, 30, (i) => `k${i % 12}`);
    const atSnapshot = new Y.Doc();
    rows.slice(0, 20).forEach((row) => Y.applyUpdate(atSnapshot, row.update));
    await app.database.db.insert(docSnapshots).values({
      sessionId: session.id,
      seq: 20,
      state: Y.encodeStateAsUpdate(atSnapshot),
      stateVector: storedVector ? Y.encodeStateVector(atSnapshot) : null,
    });

    const newcomer = await connectedProvider(app.baseUrl, session.id, interviewer.token);
    const expected = writer.getMap('elements').toJSON();
    await eventually(() => JSON.stringify(newcomer.doc.getMap('elements').toJSON()) === JSON.stringify(expected), 5_000, 'the tail after the snapshot');
    const room = await registry.acquire(session.id);
    expect(room.stateVector()).toEqual(Y.encodeStateVector(writer));

    newcomer.doc.getMap('elements').set('after', 1);
    await newcomer.whenAcked();
    expect(room.doc.getMap('elements').toJSON()).toEqual({ ...expected, after: 1 });
    newcomer.destroy();
    registry.release(room);
  });
});
