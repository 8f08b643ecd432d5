import { createHash } from 'node:crypto';
import { DOC_KEYS } from '@mockboard/protocol';
import { RoomProvider } from '@mockboard/room-client';
import * as Y from 'yjs';
import { corkClientWrites } from './cork-client';

/** What a benchmark edit writes: the wall-clock time of the local edit, so receivers can time fan-out. */
export interface EditValue {
  /** performance.timeOrigin + performance.now() at the edit, in ms; one machine, so clocks agree. */
  t: number;
  n: number;
}

/** Sub-millisecond wall clock shared by every process on this machine. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** Fan-out edits each add a new key, so "is every update there?" is a key lookup. */
export const editKey = (writer: number, seq: number): string => `w${writer}-${seq}`;

export function elements(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DOC_KEYS.elements);
}

/** Keys written by the room's writers (`sentPerWriter[w]` edits each) that `doc` lacks. */
export function countMissing(doc: Y.Doc, sentPerWriter: number[], exceptWriter = -1): number {
  const map = elements(doc);
  let missing = 0;
  sentPerWriter.forEach((sent, writer) => {
    if (writer === exceptWriter) return;
    for (let seq = 0; seq < sent; seq++) if (!map.has(editKey(writer, seq))) missing++;
  });
  return missing;
}

/**
 * Equal digests mean equal documents: the state vector (which updates were integrated) and the content of
 * the elements map, with keys sorted so insertion order does not matter.
 */
export function docDigest(doc: Y.Doc): string {
  const hash = createHash('sha1');
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc));
  hash.update(JSON.stringify([...vector.entries()].sort((a, b) => a[0] - b[0])));
  const content = elements(doc).toJSON() as Record<string, unknown>;
  for (const key of Object.keys(content).sort()) hash.update(`${key}=${JSON.stringify(content[key])};`);
  return hash.digest('hex');
}

export interface ConnectOptions {
  url: string;
  sessionId: string;
  token: string;
  /** Reconnect quickly if the server drops us mid-run; the drop is still counted. */
  reconnect?: boolean;
}

/** One browser-like client: its own WebSocket (no multiplexing), speaking the real room protocol. */
export function openProvider({ url, sessionId, token, reconnect = true }: ConnectOptions): RoomProvider {
  const provider = new RoomProvider({
    url,
    sessionId,
    token,
    socketOptions: { forceNew: true, reconnection: reconnect, reconnectionDelay: 250, reconnectionDelayMax: 2_000 },
  });
  corkClientWrites(provider.socket);
  return provider;
}

/** Resolves when synced and the provider's own sync step 2 is acknowledged, so later acks are ours. */
export async function whenReady(provider: RoomProvider, timeoutMs: number): Promise<void> {
  const refused = new Promise<never>((_, reject) => provider.on('refused', (reason) => reject(new Error(`refused: ${reason}`))));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([provider.whenSynced().then(() => provider.whenAcked()), refused, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
