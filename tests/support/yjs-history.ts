import * as Y from 'yjs';
import type { SeededRandom } from '@mockboard/testing';

/**
 * A random editing session between several Yjs clients, as a room would see it: every transaction's
 * update, in the order the hub received them. Map overwrites, nested maps, text and list inserts and
 * deletes, so updates carry origins, parents and delete sets that refer to other clients' content.
 */
export function editingHistory(random: SeededRandom, { clients = 3, edits = 200 } = {}): Uint8Array[] {
  const docs = Array.from({ length: clients }, () => new Y.Doc());
  const updates: Uint8Array[] = [];
  const relay = 'relay';
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === relay) return;
      updates.push(update);
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, relay);
    });
  }
  for (let i = 0; i < edits; i++) editOnce(random.pick(docs), random, i);
  return updates;
}

function editOnce(doc: Y.Doc, random: SeededRandom, i: number): void {
  const elements = doc.getMap<unknown>('elements');
  switch (random.int(5)) {
    case 0:
      elements.set(`e${random.int(20)}`, { id: `e${i}`, version: i, x: random.int(1000), label: `label ${i}` });
      return;
    case 1:
      elements.delete(`e${random.int(20)}`);
      return;
    case 2: {
      const notes = doc.getMap<Y.Text>('notes');
      const text = notes.get('data');
      if (!text) notes.set('data', new Y.Text(`notes ${i}`));
      else if (text.length > 4 && random.chance(0.4)) text.delete(random.int(text.length - 2), 2);
      else text.insert(random.int(text.length + 1), ` word${i}`);
      return;
    }
    case 3: {
      const list = doc.getArray<unknown>('list');
      if (list.length > 0 && random.chance(0.3)) list.delete(random.int(list.length));
      else list.insert(random.int(list.length + 1), [i, { n: i }]);
      return;
    }
    default: {
      const nested = new Y.Map<number>();
      nested.set('k', i);
      elements.set(`nested${random.int(5)}`, nested);
    }
  }
}

/** A corrupted copy of `bytes`: changed, inserted or dropped bytes, or flipped bits. */
export function mutateBytes(bytes: Uint8Array, random: SeededRandom): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const at = random.int(Math.max(1, copy.length));
  switch (random.int(4)) {
    case 0:
      for (let k = 1 + random.int(3); k > 0; k--) copy[random.int(copy.length)] = random.int(256);
      return copy;
    case 1:
      return Uint8Array.from([...copy.subarray(0, at), random.int(256), ...copy.subarray(at)]);
    case 2:
      return Uint8Array.from([...copy.subarray(0, at), ...copy.subarray(at + 1)]);
    default:
      copy[at] = (copy[at] ?? 0) ^ (1 << random.int(8));
      return copy;
  }
}
