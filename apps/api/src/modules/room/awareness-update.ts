import * as decoding from 'lib0/decoding';

/**
 * Reads the client ids an awareness update speaks for, validating its framing on the way (an awareness
 * update is a count, then per client: id, clock, JSON state). Throws on malformed input.
 */
export function awarenessClientIds(update: Uint8Array): Array<{ clientId: number; removed: boolean }> {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clients: Array<{ clientId: number; removed: boolean }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    clients.push({ clientId, removed: state === null });
  }
  return clients;
}
