import { DOC_KEYS, updateMessage, type YjsAck } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import * as Y from 'yjs';
import { HostileSender } from '../support/hostile-sender';
import { restartableApi, type RestartableApi } from '../support/restartable-api';
import { connectedProvider } from '../support/room-clients';
import { craftedItem, editOf } from '../support/room-wire';
import { seatedSession } from '../support/session-fixture';

/**
 * Rules P9 (integrable updates), S1 and S12 against a real process and kill -9. Before this work the first
 * update below was acknowledged and kept pending in the room (and in the log), and the crafted one threw
 * inside Y.applyUpdate after integrating part of itself: the room then held, and served, content that no
 * log row explains.
 */
describe('a poisoned room across kill -9', () => {
  let api: RestartableApi;
  const providers: RoomProvider[] = [];
  const senders: HostileSender[] = [];

  beforeAll(async () => {
    api = await restartableApi('poison', { ROOM_ACK_DELAY_MS: '0', ROOM_UNLOAD_GRACE_MS: '600000', ROOM_SNAPSHOT_EVERY: '100000' });
  });
  afterEach(() => {
    providers.splice(0).forEach((p) => p.destroy());
    senders.splice(0).forEach((s) => s.close());
  });
  afterAll(() => api?.stop());

  const connect = async (sessionId: string, token: string): Promise<RoomProvider> => {
    const provider = await connectedProvider(api.baseUrl, sessionId, token);
    providers.push(provider);
    return provider;
  };
  const keysOf = (provider: RoomProvider): string[] => Object.keys(provider.doc.getMap(DOC_KEYS.elements).toJSON()).sort();

  it('P9/S1/S12: pending and throwing updates are refused; after kill -9 every connection succeeds, the board holds exactly the acknowledged edits, and new edits survive another restart', async () => {
    const { session, interviewer, candidate } = await seatedSession(api.baseUrl);
    const auth = (token: string) => ({ token, sessionId: session.id });
    const writer = new HostileSender(api.baseUrl, auth(interviewer.token));
    const attacker = new HostileSender(api.baseUrl, auth(candidate.token));
    senders.push(writer, attacker);
    const acknowledged = new Set<string>();
    const author = new Y.Doc();
    const write = async (key: string): Promise<YjsAck | undefined> => {
      const outcome = await writer.send(updateMessage(editOf(author, (d) => d.getMap(DOC_KEYS.elements).set(key, key))));
      if (outcome.ack?.ok) acknowledged.add(key);
      return outcome.ack;
    };
    for (let i = 0; i < 5; i++) expect(await write(`before-${i}`)).toEqual({ ok: true });

    // Pending, twice over: a client's second edit without its first (a gap in its clock, and a left origin
    // the room lacks), and an insert after an item of a client the room never saw.
    const stranger = new Y.Doc();
    editOf(stranger, (d) => d.getMap(DOC_KEYS.elements).set('pending', 'first'));
    const secondOnly = editOf(stranger, (d) => d.getMap(DOC_KEYS.elements).set('pending', 'second'));
    const hidden = new Y.Doc();
    hidden.getArray('list').insert(0, ['hidden']);
    const follower = new Y.Doc();
    Y.applyUpdate(follower, Y.encodeStateAsUpdate(hidden));
    const afterHidden = editOf(follower, (d) => d.getArray('list').insert(1, ['after hidden']));
    expect((await attacker.send(updateMessage(secondOnly))).ack).toEqual({ ok: false, error: 'out_of_sync' });
    expect((await attacker.send(updateMessage(afterHidden))).ack).toEqual({ ok: false, error: 'out_of_sync' });

    // An item whose left origin is itself: Y.applyUpdate throws halfway through it. Sent twice: the first
    // refusal must not have left anything behind that changes how the second is taken.
    const selfOrigin = craftedItem(777_777, { origin: Y.createID(777_777, 0), content: new Y.ContentAny(['poison']) });
    expect(() => Y.applyUpdate(new Y.Doc(), selfOrigin)).toThrow();
    for (let i = 0; i < 2; i++) expect((await attacker.send(updateMessage(selfOrigin))).ack).toEqual({ ok: false, error: 'invalid_message' });
    expect(attacker.closed).toEqual([]);

    expect(await write('between')).toEqual({ ok: true });
    writer.close();
    attacker.close();

    await api.kill();
    await api.restart();
    const reader = await connect(session.id, candidate.token);
    const editor = await connect(session.id, interviewer.token);
    expect(keysOf(reader)).toEqual([...acknowledged].sort());
    expect(reader.doc.getArray('list').length).toBe(0);
    expect(reader.doc.store.pendingStructs).toBeNull();

    const acks: YjsAck[] = [];
    editor.on('ack', (ack) => acks.push(ack));
    editor.doc.getMap(DOC_KEYS.elements).set('after-restart', 'after-restart');
    await editor.whenAcked();
    // The step 2 that answered the server's step 1 may be acknowledged alongside.
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    acknowledged.add('after-restart');

    await api.kill();
    await api.restart();
    const late = await connect(session.id, candidate.token);
    expect(keysOf(late)).toEqual([...acknowledged].sort());
  }, 60_000);
});
