import { createHash } from 'node:crypto';
import { DOC_KEYS, updateMessage } from '@mockboard/protocol';
import { RoomProvider } from '@mockboard/room-client';
import * as Y from 'yjs';
import { withTimeout } from '../../shared/cleanup';
import { corkClientWrites } from './cork-client';

/** Sub-millisecond wall clock shared by every process on this machine. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** Fan-out edits each add a new key, so "is every update there?" is a key lookup. */
export const editKey = (writer: number, seq: number): string => `w${writer}-${seq}`;

export function parseEditKey(key: string): { writer: number; seq: number } | undefined {
  const match = /^w(\d+)-(\d+)$/.exec(key);
  return match ? { writer: Number(match[1]), seq: Number(match[2]) } : undefined;
}

/** One edit made ahead of the run: the Yjs update, and the `yjs` message that carries it. */
export interface PreparedEdit {
  update: Uint8Array;
  message: Uint8Array;
}

/**
 * A writer's edits, made on its own document before the run (edit `seq` sets key `editKey(writer, seq)`),
 * so the run spends the generator's CPU on sending them rather than on Yjs.
 */
export function prepareEdits(writer: number, count: number): PreparedEdit[] {
  const doc = new Y.Doc();
  const edits: PreparedEdit[] = [];
  doc.on('update', (update: Uint8Array) => edits.push({ update, message: updateMessage(update) }));
  const map = elements(doc);
  for (let seq = 0; seq < count; seq++) map.set(editKey(writer, seq), { n: seq });
  doc.destroy();
  return edits;
}

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
export function whenReady(provider: RoomProvider, timeoutMs: number): Promise<void> {
  const refused = new Promise<never>((_, reject) => provider.on('refused', (reason) => reject(new Error(`refused: ${reason}`))));
  return withTimeout(Promise.race([provider.whenSynced().then(() => provider.whenAcked()), refused]), timeoutMs, 'the room to sync');
}
