import { MESSAGE_SYNC, readMessageType, syncStep1Message, toBytes, type YjsAck } from '@mockboard/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';

/** Hand-made y-protocols payloads and readers, for tests that speak to the room as an attacker would. */

/**
 * What the server sends a client whose state vector is `stateVector` (empty: a newcomer): its sync step 2
 * and any update message that follows it before the acknowledgement of our step 1 (a room loaded from a
 * snapshot and a tail sends two, rule S4). Nothing else may be sending to `socket` meanwhile.
 */
export async function boardFor(socket: Socket, stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())): Promise<Uint8Array[]> {
  const received: Uint8Array[] = [];
  let answered = false;
  const onMessage = (payload: unknown): void => {
    const bytes = toBytes(payload);
    if (!bytes) return;
    const { type, decoder } = readMessageType(bytes);
    if (type !== MESSAGE_SYNC) return;
    const syncType = decoding.readVarUint(decoder);
    if (syncType === messageYjsSyncStep2) answered = true;
    if (answered && (syncType === messageYjsSyncStep2 || syncType === messageYjsUpdate)) received.push(decoding.readVarUint8Array(decoder));
  };
  socket.on('yjs', onMessage);
  try {
    const ack = (await socket.timeout(10_000).emitWithAck('yjs', syncStep1Message(stateVector))) as YjsAck;
    if (!ack.ok) throw new Error(`step 1 refused: ${ack.error}`);
  } finally {
    socket.off('yjs', onMessage);
  }
  if (!answered) throw new Error('no sync step 2 before the acknowledgement');
  return received;
}

/** One byte string for a list of updates, to compare two answers byte for byte. */
export function concatBytes(parts: readonly Uint8Array[]): Buffer {
  return Buffer.concat(parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength)));
}

export function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** What two documents are compared by: state vector, delete set, content, and whether anything is pending. */
export function docSummary(doc: Y.Doc, roots: { maps?: string[]; arrays?: string[] } = {}): {
  stateVector: Record<string, number>;
  deleteSet: Record<string, Array<[number, number]>>;
  content: Record<string, unknown>;
  pending: boolean;
} {
  // A copy, so that reading typed roots never changes how the caller's document interprets them.
  const copy = docFrom([Y.encodeStateAsUpdate(doc)]);
  const stateVector = Object.fromEntries([...Y.decodeStateVector(Y.encodeStateVector(copy))].sort(([a], [b]) => a - b).map(([c, k]) => [String(c), k]));
  const ds = Y.createDeleteSetFromStructStore(copy.store);
  const deleteSet: Record<string, Array<[number, number]>> = {};
  for (const [client, items] of [...ds.clients].sort(([a], [b]) => a - b)) deleteSet[String(client)] = items.map((i) => [i.clock, i.len]);
  const content: Record<string, unknown> = {};
  for (const name of roots.maps ?? []) content[name] = copy.getMap(name).toJSON();
  for (const name of roots.arrays ?? []) content[name] = copy.getArray(name).toJSON();
  return { stateVector, deleteSet, content, pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null };
}

/** The update one edit of `doc` produces. */
export function editOf(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array): void => {
    update = update ? Y.mergeUpdates([update, u]) : u;
  };
  doc.on('update', capture);
  try {
    edit(doc);
  } finally {
    doc.off('update', capture);
  }
  if (!update) throw new Error('the edit changed nothing');
  return update;
}

/** An update from a brand-new client that sets one key of the `elements` map: integrable on its own. */
export function independentSet(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  return editOf(doc, (d) => d.getMap('elements').set(key, value));
}

/**
 * One hand-made item, as a crafted client would write it.
 * With `origin` set to the item's own id, Yjs throws halfway through applying it.
 */
export function craftedItem(
  client: number,
  options: { clock?: number; origin?: Y.ID; parent?: string | Y.ID; parentSub?: string; content: ConstructorParameters<typeof Y.Item>[7] },
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, options.clock ?? 0);
  const parent = options.parent === undefined ? null : typeof options.parent === 'string' ? (new Y.Doc().get(options.parent) as never) : options.parent;
  new Y.Item(Y.createID(client, options.clock ?? 0), null, options.origin ?? null, null, null, parent, options.parentSub ?? null, options.content).write(encoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** An update with no structs whose delete set names `clients`, each with one range of `len` from clock 0. */
export function deletesOf(clients: readonly number[], len = 5): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 0);
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const client of clients) {
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, 1);
    encoder.writeDsClock(0);
    encoder.writeDsLen(len);
  }
  return encoder.toUint8Array();
}

/** An awareness update (the payload of an awareness message) with hand-written states. */
export function awarenessUpdate(entries: ReadonlyArray<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
