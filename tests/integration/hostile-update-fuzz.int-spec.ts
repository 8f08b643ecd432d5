import { MESSAGE_SYNC, syncStep2Message, updateMessage } from '@mockboard/protocol';
import * as decoding from 'lib0/decoding';
import { seededRandom } from '@mockboard/testing';
import type { Socket } from 'socket.io-client';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { HostileSender, type SendOutcome } from '../support/hostile-sender';
import { restartableApi, type RestartableApi } from '../support/restartable-api';
import { rawSocket } from '../support/room-clients';
import { boardFor, concatBytes, docFrom, docSummary } from '../support/room-wire';
import { seatedSession } from '../support/session-fixture';
import { editingHistory, mutateBytes } from '../support/yjs-history';

const LOTS = '1000000';
const ROOTS = { maps: ['elements', 'notes'], arrays: ['list'] };
/** A state vector naming only a client nobody has: the server encodes the whole document for it, uncached. */
const STRANGER_VECTOR = Y.encodeStateVector(new Map([[123_456_789, 1]]));

/** What a newcomer is sent (empty state vector, possibly cached) and what the live document encodes to. */
interface Board {
  fresh: Buffer;
  live: Buffer;
  updates: Uint8Array[];
}

/**
 * Rules P7 and P9 from the outside: an attacker sends corrupted copies of an honest session's updates
 * through the gateway. Before this work a corrupted update that threw inside Y.applyUpdate was refused but
 * left what it had integrated in the document, and one that referred to missing content was acknowledged
 * and kept pending; both show up here as a board that changed under a refusal, or after the restart.
 */
describe('hostile updates through the gateway', () => {
  let api: RestartableApi;
  const sockets: Socket[] = [];
  const senders: HostileSender[] = [];

  beforeAll(async () => {
    api = await restartableApi('fuzz', {
      // The budgets are not under test here; each of the few hundred messages must get its own answer.
      ROOM_MESSAGES_PER_SECOND: LOTS,
      ROOM_MESSAGE_BURST: LOTS,
      ROOM_SESSION_MESSAGES_PER_SECOND: LOTS,
      ROOM_SYNC_BYTES_PER_SECOND: String(256 * 1024 * 1024),
      ROOM_ACK_DELAY_MS: '0',
      ROOM_UNLOAD_GRACE_MS: '600000',
    });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    senders.forEach((s) => s.close());
    await api?.stop();
  });

  it('P7/P9/S1 generated: a refused mutated update leaves the board byte for byte as it was, and after kill -9 the room holds exactly what was acknowledged', async () => {
    const random = seededRandom();
    console.log(`hostile update fuzz: seed ${random.seed} (FUZZ_SEED=${random.seed} replays it)`);
    const { session, interviewer, candidate } = await seatedSession(api.baseUrl);
    const auth = (token: string) => ({ token, sessionId: session.id });
    const writer = new HostileSender(api.baseUrl, auth(interviewer.token));
    const attacker = new HostileSender(api.baseUrl, auth(candidate.token));
    senders.push(writer, attacker);

    let reader: Socket | undefined;
    const board = async (): Promise<Board> => {
      if (!reader?.connected) {
        reader?.close();
        reader = await rawSocket(api.baseUrl, auth(interviewer.token));
        sockets.push(reader);
      }
      const updates = await patiently(() => boardFor(reader as Socket));
      return { fresh: concatBytes(updates), live: concatBytes(await patiently(() => boardFor(reader as Socket, STRANGER_VECTOR))), updates };
    };

    const reference = new Y.Doc();
    const tally: Record<string, number> = {};
    let current = await board();
    const attempt = async (sender: HostileSender, message: Uint8Array, what: string): Promise<void> => {
      const outcome: SendOutcome = await sender.send(message);
      const label = outcome.ack?.ok ? 'acknowledged' : (outcome.ack?.error ?? `no answer (${outcome.error?.code ?? 'disconnected'})`);
      const key = `${sender === writer ? 'honest' : 'mutated'} ${label}`;
      tally[key] = (tally[key] ?? 0) + 1;
      if (outcome.ack?.ok) {
        // Acknowledged: committed (P5), whether it changed anything or not; the reference takes it too.
        const update = updateIn(message);
        if (update) Y.applyUpdate(reference, update);
        current = await board();
        return;
      }
      const after = await board();
      if (!after.fresh.equals(current.fresh) || !after.live.equals(current.live)) {
        throw new Error(`seed ${random.seed}: ${what} was refused (${label}) but the board changed`);
      }
    };

    const history = editingHistory(random, { clients: 3, edits: 100 });
    for (const [i, honest] of history.entries()) {
      for (let m = 0; m < 4; m++) {
        // Mostly the next honest update (which the room lacks), sometimes one it already has.
        const target = random.chance(0.6) ? honest : (history[random.int(i + 1)] as Uint8Array);
        if (random.chance(0.1)) {
          // The framing itself corrupted: its first byte still says "sync" in most cases.
          const framed = mutateBytes(updateMessage(target), random);
          await attempt(attacker, framed, `a corrupted message (mutation ${i}.${m})`);
        } else {
          const mutated = mutateBytes(target, random);
          const message = random.chance(0.2) ? syncStep2Message(mutated) : updateMessage(mutated);
          await attempt(attacker, message, `a corrupted update (mutation ${i}.${m})`);
        }
      }
      await attempt(writer, updateMessage(honest), `honest update ${i}`);
    }
    console.log(`hostile update fuzz (seed ${random.seed}): ${JSON.stringify(tally)}`);
    // The fuzz reached both sides: corrupted updates the room took, and ones it refused.
    expect(tally['mutated acknowledged'] ?? 0).toBeGreaterThan(0);
    expect((tally['mutated invalid_message'] ?? 0) + (tally['mutated out_of_sync'] ?? 0)).toBeGreaterThan(100);

    const expected = docSummary(reference, ROOTS);
    expect(expected.pending).toBe(false);
    expect(docSummary(docFrom(current.updates), ROOTS)).toEqual(expected);

    // S1: every acknowledged update is in Postgres; kill -9 loses only what was never acknowledged.
    await api.kill();
    await api.restart();
    reader?.close();
    reader = undefined;
    const reloaded = await board();
    expect(docSummary(docFrom(reloaded.updates), ROOTS)).toEqual(expected);
  }, 90_000);
});

/** The budgets are raised for this test; a server without them (or with lower ones) is waited out. */
async function patiently<T>(ask: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (attempt === 20 || !String(error).includes('rate_limited')) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** The update a sync step 2 or update message carries, as the server reads it; undefined for anything else. */
function updateIn(message: Uint8Array): Uint8Array | undefined {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return undefined;
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== messageYjsSyncStep2 && syncType !== messageYjsUpdate) return undefined;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return undefined;
  }
}
