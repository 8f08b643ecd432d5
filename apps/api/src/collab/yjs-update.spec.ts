import * as Y from 'yjs';
import { stateVectorAfter } from './yjs-update';

/** Edits from several clients, each as the update its transaction produced, in the order they were made. */
function history(clients: number, edits: number): { docs: Y.Doc[]; updates: Uint8Array[] } {
  const docs = Array.from({ length: clients }, () => new Y.Doc());
  const updates: Uint8Array[] = [];
  for (let i = 0; i < edits; i++) {
    const doc = docs[i % clients] as Y.Doc;
    const capture = (update: Uint8Array): void => void updates.push(update);
    doc.once('update', capture);
    // Map overwrites and list inserts: items whose origins belong to other clients.
    if (i % 3 === 0) doc.getArray('list').insert(Math.floor(doc.getArray('list').length / 2), [i]);
    else doc.getMap('elements').set(`k${i % 7}`, i);
    const update = updates.at(-1) as Uint8Array;
    docs.forEach((other) => other !== doc && Y.applyUpdate(other, update));
  }
  return { docs, updates };
}

const clocks = (stateVector: Uint8Array): Record<number, number> => Object.fromEntries(Y.decodeStateVector(stateVector));

describe('stateVectorAfter', () => {
  it('matches the built document for a log applied in order, from an empty or a snapshot vector', () => {
    const { updates } = history(3, 60);
    const built = new Y.Doc();
    updates.forEach((u) => Y.applyUpdate(built, u));
    expect(stateVectorAfter(Y.encodeStateVector(new Y.Doc()), updates)).toEqual(Y.encodeStateVector(built));

    const atSnapshot = new Y.Doc();
    updates.slice(0, 40).forEach((u) => Y.applyUpdate(atSnapshot, u));
    // The tail may overlap the snapshot: a snapshot can hold updates newer than its seq.
    expect(stateVectorAfter(Y.encodeStateVector(atSnapshot), updates.slice(35))).toEqual(Y.encodeStateVector(built));
  });

  it('never claims more than a document holds when updates arrive out of order', () => {
    const { updates } = history(3, 45);
    // A fixed shuffle: many updates arrive before what they refer to, and Yjs holds them back as pending.
    const shuffled = updates.map((u, i) => ({ u, key: (i * 17) % 45 })).sort((a, b) => a.key - b.key).map(({ u }) => u);
    for (let n = 1; n <= shuffled.length; n++) {
      const doc = new Y.Doc();
      shuffled.slice(0, n).forEach((u) => Y.applyUpdate(doc, u));
      const claimed = clocks(stateVectorAfter(Y.encodeStateVector(new Y.Doc()), shuffled.slice(0, n)));
      const held = clocks(Y.encodeStateVector(doc));
      for (const [client, clock] of Object.entries(claimed)) expect(clock).toBeLessThanOrEqual(held[Number(client)] ?? 0);
    }
  });

  it('does not count past a gap in a client clock, in one update or across two', () => {
    const doc = new Y.Doc();
    const parts: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => parts.push(u));
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    doc.getMap('m').set('c', 3);
    const [first, second, third] = parts as [Uint8Array, Uint8Array, Uint8Array];
    const fromEmpty = (updates: Uint8Array[]) => clocks(stateVectorAfter(Y.encodeStateVector(new Y.Doc()), updates));
    // Each key is new, so nothing refers back: only the clocks show what is missing.
    expect(fromEmpty([second])).toEqual({});
    expect(fromEmpty([first, third])).toEqual({ [doc.clientID]: 1 });
    // Merging the first and last edits leaves a skip where the middle one was.
    expect(fromEmpty([Y.mergeUpdates([first, third])])).toEqual({ [doc.clientID]: 1 });
  });

  it('does not count an item whose origin is missing', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('m').set('k', 'from a');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    let overwrite: Uint8Array = new Uint8Array();
    b.once('update', (u: Uint8Array) => (overwrite = u));
    b.getMap('m').set('k', 'from b');
    // b's item starts at clock 0 but its origin is a's item, which this vector does not hold.
    expect(clocks(stateVectorAfter(Y.encodeStateVector(new Y.Doc()), [overwrite]))).toEqual({});
    expect(clocks(stateVectorAfter(Y.encodeStateVector(a), [overwrite]))).toEqual({ [a.clientID]: 1, [b.clientID]: 1 });
  });
});
