import { DOC_KEYS, updateMessage } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import { withPgClient } from '@mockboard/testing';
import { HostileSender } from '../support/hostile-sender';
import { restartableApi, type RestartableApi } from '../support/restartable-api';
import { connectedProvider, eventually, rawSocket } from '../support/room-clients';
import { boardFor, docFrom, independentSet } from '../support/room-wire';
import { seatedSession } from '../support/session-fixture';

const EDITS = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Rule S9: one api process per database. Two are a misconfiguration the server must survive without
 * losing acknowledged edits: before this work both wrote the same `(session_id, seq)`, one batch failed on
 * the key forever (retried, never acknowledged, later ones stuck behind it) and its room kept diverging.
 */
describe('two api processes on one database', () => {
  let first: RestartableApi;
  let second: RestartableApi;
  const providers: RoomProvider[] = [];
  const senders: HostileSender[] = [];
  const env = { ROOM_ACK_DELAY_MS: '0', ROOM_UNLOAD_GRACE_MS: '600000' };

  beforeAll(async () => {
    [first, second] = await Promise.all([restartableApi('two-a', env), restartableApi('two-b', env)]);
  });
  afterAll(async () => {
    providers.forEach((p) => p.destroy());
    senders.forEach((s) => s.close());
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('S9/S1/P10: writing one session through both, a process detects the other and its clients get room:closed reload and resync; after kill -9 and restart every acknowledged edit is stored', async () => {
    const { session, interviewer, candidate } = await seatedSession(first.baseUrl);
    const auth = (token: string) => ({ token, sessionId: session.id });
    const closedReasons: string[] = [];
    const watch = async (api: RestartableApi, token: string): Promise<RoomProvider> => {
      const provider = await connectedProvider(api.baseUrl, session.id, token, { track: providers });
      provider.socket.on('room:closed', (closed) => closedReasons.push(closed.reason));
      return provider;
    };
    const watchers = [await watch(first, candidate.token), await watch(second, interviewer.token)];

    const acknowledged = new Set<string>();
    const write = async (api: RestartableApi, token: string, prefix: string): Promise<void> => {
      const sender = new HostileSender(api.baseUrl, auth(token));
      senders.push(sender);
      for (let i = 0; i < EDITS; i++) {
        const key = `${prefix}-${i}`;
        const outcome = await sender.send(updateMessage(independentSet(key, i)));
        if (outcome.ack?.ok) acknowledged.add(key);
        else if (!outcome.ack) await sleep(50); // closed for a reload: the next send reconnects
        closedReasons.push(...sender.closed.splice(0));
      }
    };
    // The watchers draw too: what a reload interrupts stays in their documents and is handed over on resync (P8).
    const drawing = (async () => {
      for (let i = 0; i < EDITS / 2; i++) {
        watchers.forEach((w, n) => w.doc.getMap(DOC_KEYS.elements).set(`w${n}-${i}`, i));
        await sleep(40);
      }
    })();
    await Promise.all([write(first, interviewer.token, 'a'), write(second, candidate.token, 'b'), drawing]);

    const logs = `${first.output()}\n${second.output()}`;
    expect(logs).toContain('another process');
    expect(closedReasons).toContain('reload');
    expect(closedReasons.filter((reason) => reason !== 'reload')).toEqual([]);
    // The watchers were cut for a reload (or not at all) and are synced again by themselves.
    await eventually(() => watchers.every((w) => w.synced), 20_000, 'the watchers to resync');
    expect(acknowledged.size).toBeGreaterThan(0);

    await first.kill();
    await first.restart();

    const storedKeys = async (): Promise<Set<string>> => {
      const rows = await withPgClient(process.env.TEST_DATABASE_URL ?? '', (c) =>
        c.query<{ update: Buffer }>('select update from doc_updates where session_id = $1', [session.id]),
      );
      return new Set(docFrom(rows.rows.map((row) => new Uint8Array(row.update))).getMap(DOC_KEYS.elements).keys());
    };
    const stored = await storedKeys();
    expect([...acknowledged].filter((key) => !stored.has(key))).toEqual([]);
    const drawn = watchers.flatMap((_, n) => Array.from({ length: EDITS / 2 }, (_, i) => `w${n}-${i}`));
    let missing: string[] = [];
    await eventually(
      async () => {
        const now = await storedKeys();
        missing = drawn.filter((key) => !now.has(key));
        return missing.length === 0;
      },
      20_000,
      "the watchers' own edits to be stored",
    ).catch(() => expect(missing).toEqual([]));

    // What a newcomer to the restarted process loads holds them too.
    const reader = await rawSocket(first.baseUrl, auth(interviewer.token));
    try {
      const loaded = new Set(docFrom(await boardFor(reader)).getMap(DOC_KEYS.elements).keys());
      expect([...acknowledged].filter((key) => !loaded.has(key))).toEqual([]);
    } finally {
      reader.close();
    }
  }, 90_000);
});
