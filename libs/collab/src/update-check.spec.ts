import { seededRandom } from '@mockboard/testing';
import { craftedItem } from '../../../tests/support/room-wire';
import { editingHistory, mutateBytes } from '../../../tests/support/yjs-history';
import * as Y from 'yjs';
import { checkUpdate, knownClocks, knownContentOf } from './update-check';

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

const isPending = (doc: Y.Doc): boolean => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

describe('checkUpdate (rule P9)', () => {
  it('accepts every update of an honest session in the order the hub received it, each a change', () => {
    const updates = editingHistory(seededRandom(7), { clients: 3, edits: 150 });
    const room = new Y.Doc();
    for (const update of updates) {
      expect(checkUpdate(update, knownContentOf(room))).toMatchObject({ ok: true, changes: true });
      Y.applyUpdate(room, update);
    }
    expect(isPending(room)).toBe(false);
  });

  it('refuses an update that arrives before what it refers to, which Yjs would keep pending', () => {
    const updates = editingHistory(seededRandom(11), { clients: 3, edits: 60 });
    const room = new Y.Doc();
    let refused = 0;
    // Every third update is held back: some later ones then refer to content the room lacks.
    updates.forEach((update, i) => {
      if (i % 3 === 1) return;
      const check = checkUpdate(update, knownContentOf(room));
      const trial = copyOf(room);
      Y.applyUpdate(trial, update);
      // The check and Yjs agree: refused exactly when Yjs would hold something back.
      expect(check.ok).toBe(!isPending(trial));
      if (check.ok) Y.applyUpdate(room, update);
      else {
        expect(check.code).toBe('out_of_sync');
        refused++;
      }
    });
    expect(refused).toBeGreaterThan(5);
    expect(isPending(room)).toBe(false);
  });

  it('generated: a corrupted update it accepts integrates completely, never half or pending', () => {
    const random = seededRandom();
    console.log(`update-check fuzz: seed ${random.seed} (FUZZ_SEED=${random.seed} replays it)`);
    const updates = editingHistory(random, { clients: 3, edits: 120 });
    const room = new Y.Doc();
    let accepted = 0;
    for (const update of updates) {
      for (let m = 0; m < 25; m++) {
        const corrupted = mutateBytes(update, random);
        if (!checkUpdate(corrupted, knownContentOf(room)).ok) continue;
        accepted++;
        const trial = copyOf(room);
        try {
          Y.applyUpdate(trial, corrupted);
        } catch (error) {
          throw new Error(`seed ${random.seed}: an accepted update threw while applied: ${String(error)}`);
        }
        if (isPending(trial)) throw new Error(`seed ${random.seed}: an accepted update left content pending`);
      }
      Y.applyUpdate(room, update);
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it('refuses deletes of content the room lacks (they would sit pending and be retried on every edit)', () => {
    const room = new Y.Doc();
    room.getMap('elements').set('a', 1);
    const stranger = new Y.Doc();
    stranger.clientID = 424242;
    stranger.getMap('elements').set('b', 2);
    stranger.getMap('elements').delete('b');
    const deletesOnly = Y.encodeStateAsUpdate(stranger, Y.encodeStateVector(stranger));
    expect(Y.decodeUpdate(deletesOnly).ds.clients.size).toBe(1);
    expect(checkUpdate(deletesOnly, knownContentOf(room))).toMatchObject({ ok: false, code: 'out_of_sync' });
  });

  it('an update that only repeats what the room has, its delete set included, is not a change', () => {
    const updates = editingHistory(seededRandom(3), { clients: 2, edits: 80 });
    const room = new Y.Doc();
    updates.forEach((u) => Y.applyUpdate(room, u));
    // An observer reconnecting to a restarted room answers its step 1 with everything it holds: the whole
    // delete set, and no struct the room lacks.
    const observer = copyOf(room);
    const step2 = Y.encodeStateAsUpdate(observer, Y.encodeStateVector(room));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);
    expect(checkUpdate(step2, knownContentOf(room))).toMatchObject({ ok: true, changes: false });

    // Deleting something not deleted yet is a change, even with no new struct.
    const key = [...room.getMap('elements').keys()][0] as string;
    let deletion: Uint8Array = new Uint8Array();
    observer.once('update', (u: Uint8Array) => (deletion = u));
    observer.getMap('elements').delete(key);
    expect(checkUpdate(Y.diffUpdate(deletion, Y.encodeStateVector(room)), knownContentOf(room))).toMatchObject({ ok: true, changes: true });
  });

  it('accepts one update whose clients refer to each other, in whatever order they are written', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.clientID = 1;
    b.clientID = 2;
    a.getArray('list').insert(0, ['a1']);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getArray('list').insert(1, ['b1']);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    a.getArray('list').insert(2, ['a2']);
    // Client 2 is written first and refers to client 1, whose later struct refers to client 2.
    const merged = Y.encodeStateAsUpdate(a);
    expect(checkUpdate(merged, knownContentOf(new Y.Doc()))).toMatchObject({ ok: true, changes: true });
  });

  it('refuses gaps, self-references and subdocuments', () => {
    const room = new Y.Doc();
    const writer = new Y.Doc();
    const edits: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => edits.push(u));
    for (let i = 0; i < 3; i++) writer.getMap('elements').set(`k${i}`, i);
    // The first and the last edit merged: a gap where the middle one was.
    const gapped = Y.mergeUpdates([edits[0] as Uint8Array, edits[2] as Uint8Array]);
    expect(checkUpdate(gapped, knownContentOf(room))).toMatchObject({ ok: false, code: 'out_of_sync' });

    // An item whose left origin is itself: Yjs throws halfway through applying it.
    const selfOrigin = craftedItem(7, { origin: Y.createID(7, 0), content: new Y.ContentAny([1]) });
    expect(() => Y.applyUpdate(copyOf(room), selfOrigin)).toThrow();
    expect(checkUpdate(selfOrigin, knownContentOf(room))).toMatchObject({ ok: false, code: 'invalid_message' });

    const subdoc = craftedItem(8, { parent: 'elements', parentSub: 'doc', content: new Y.ContentDoc(new Y.Doc()) });
    expect(checkUpdate(subdoc, knownContentOf(room))).toMatchObject({ ok: false, code: 'invalid_message' });
    expect(checkUpdate(new Uint8Array([1, 2, 3]), knownContentOf(room))).toMatchObject({ ok: false, code: 'invalid_message' });
  });

  it('from a state vector alone, advances it exactly as the built document would', () => {
    const updates = editingHistory(seededRandom(5), { clients: 3, edits: 100 });
    const built = new Y.Doc();
    updates.forEach((u) => Y.applyUpdate(built, u));
    const atSnapshot = new Y.Doc();
    updates.slice(0, 60).forEach((u) => Y.applyUpdate(atSnapshot, u));
    const clocks = Y.decodeStateVector(Y.encodeStateVector(atSnapshot));
    // The tail may overlap the snapshot: a snapshot can hold updates newer than its seq.
    for (const update of updates.slice(55)) {
      const check = checkUpdate(update, knownClocks(clocks));
      if (!check.ok) throw new Error(check.reason);
      check.clocks.forEach((clock, client) => clocks.set(client, clock));
    }
    expect(Y.encodeStateVector(clocks)).toEqual(Y.encodeStateVector(built));
  });
});
