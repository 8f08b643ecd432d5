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
