import * as Y from 'yjs';

export type DecodedUpdate = { ok: true; empty: boolean } | { ok: false; reason: string };

/**
 * Yjs does not reject malformed input reliably (readSyncMessage swallows errors), so every update is
 * decoded here before it may touch a document (docs/protocol.md, rule P7).
 */
export function inspectUpdate(update: Uint8Array): DecodedUpdate {
  try {
    const decoded = Y.decodeUpdate(update);
    return { ok: true, empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0 };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export function isValidStateVector(stateVector: Uint8Array): boolean {
  try {
    Y.decodeStateVector(stateVector);
    return true;
  } catch {
    return false;
  }
}

/**
 * The state vector of a document whose vector is `base` once `updates` are applied in order, read from
 * the updates without building the document. A struct Yjs would hold back as pending (a gap in its
 * client's clock, or something it refers to not there yet) stops that client's count for the rest of the
 * update, so the result may claim less than the document would hold but never more: a client asked for
 * too little could leave the server missing edits, one asked for too much only resends a few.
 */
export function stateVectorAfter(base: Uint8Array, updates: readonly Uint8Array[]): Uint8Array {
  const clocks = Y.decodeStateVector(base);
  const has = (id: Y.ID | null): boolean => id === null || id.clock < (clocks.get(id.client) ?? 0);
  for (const update of updates) {
    const stopped = new Set<number>();
    for (const struct of Y.decodeUpdate(update).structs) {
      const { client, clock } = struct.id;
      if (stopped.has(client)) continue;
      const known = clocks.get(client) ?? 0;
      const follows =
        !(struct instanceof Y.Skip) &&
        clock <= known &&
        (!(struct instanceof Y.Item) ||
          (has(struct.origin) && has(struct.rightOrigin) && (!(struct.parent instanceof Y.ID) || has(struct.parent))));
      if (!follows) stopped.add(client);
      else clocks.set(client, Math.max(known, clock + struct.length));
    }
  }
  return Y.encodeStateVector(clocks);
}
