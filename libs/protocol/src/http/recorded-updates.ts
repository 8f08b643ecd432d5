import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One document update of a recording, at its session time. */
export interface RecordedUpdate {
  atMs: number;
  update: Uint8Array;
}

/**
 * The body of `GET .../recording/updates` (docs/protocol.md, rule V6): for each update in order, its `atMs`
 * as a lib0 varuint, then its bytes as a lib0 varuint-length byte array. Compact, and read without a copy.
 */
export function encodeRecordedUpdates(updates: Iterable<RecordedUpdate>): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const { atMs, update } of updates) {
    encoding.writeVarUint(encoder, atMs);
    encoding.writeVarUint8Array(encoder, update);
  }
  return encoding.toUint8Array(encoder);
}

export function decodeRecordedUpdates(body: Uint8Array): RecordedUpdate[] {
  const decoder = decoding.createDecoder(body);
  const updates: RecordedUpdate[] = [];
  while (decoding.hasContent(decoder)) {
    const atMs = decoding.readVarUint(decoder);
    updates.push({ atMs, update: decoding.readVarUint8Array(decoder) });
  }
  return updates;
}
