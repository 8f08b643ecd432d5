import { MESSAGE_AWARENESS, MESSAGE_SYNC } from './room-contract';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/**
 * y-websocket framing: a varuint message type, then the sub-protocol's own bytes (docs/protocol.md P3).
 * A sync message is its sub-type (step 1, step 2, update) and one byte array.
 */
function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1 carries a state vector: `Y.encodeStateVector(doc)`. */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  return syncMessage(messageYjsSyncStep1, stateVector);
}

/** Sync step 2: the update a peer lacks, `Y.encodeStateAsUpdate(doc, itsStateVector)`. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  return syncMessage(messageYjsSyncStep2, update);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(messageYjsUpdate, update);
}

export function awarenessMessage(awareness: Awareness, clients: number[]): Uint8Array {
  return awarenessUpdateMessage(encodeAwarenessUpdate(awareness, clients));
}

/** An awareness update (`encodeAwarenessUpdate`'s bytes) framed as a message. */
export function awarenessUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Socket.IO hands Node a Buffer and browsers an ArrayBuffer; Yjs wants a Uint8Array. */
export function toBytes(payload: unknown): Uint8Array | undefined {
  if (payload instanceof Uint8Array) return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  return undefined;
}

export function readMessageType(message: Uint8Array): { type: number; decoder: decoding.Decoder } {
  const decoder = decoding.createDecoder(message);
  return { type: decoding.readVarUint(decoder), decoder };
}
