import { updateMessage, type YjsAck } from '@mockboard/protocol';
import { dropDatabase, withPgClient } from '@mockboard/testing';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { restartableApi, type RestartableApi } from '../support/restartable-api';
import { rawSocket } from '../support/room-clients';
import { independentSet } from '../support/room-wire';
import { seatedSession } from '../support/session-fixture';
import { createTestDatabase } from '../support/test-database';
import { TEST_PG_SERVER_URL } from '../support/test-run';

const MiB = 1024 * 1024;
const WRITE_QUEUE = 16 * MiB;
const LOCK_MS = 15_000;
const BIG = 'x'.repeat(1_000_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Outcome = YjsAck | 'lost';

/** Emits an update with an acknowledgement; resolves with it, or 'lost' if the connection went first. */
function emitUpdate(socket: Socket, update: Uint8Array): Promise<Outcome> {
  return new Promise((resolve) => {
    socket.timeout(60_000).emit('yjs', updateMessage(update), (error: Error | null, ack: YjsAck) => resolve(error ? 'lost' : ack));
  });
}

function exitOf(api: RestartableApi): { code: number | null; signal: NodeJS.Signals | null } {
  return { code: api.current.child.exitCode, signal: api.current.child.signalCode };
}

/**
 * Rule S11: what waits for Postgres is bounded. Before this work every update was applied and queued while
 * the log could not be written, so a stream of big updates grew the process until it died; with a 256 MB
 * heap, the stream below (some 200 MB in 15 s) killed it (SIGABRT, JavaScript heap out of memory).
 */
describe('a write backlog under a table lock', () => {
  const database = `${process.env.TEST_DATABASE_NAME ?? 'mb_test'}_backlog`;
  let databaseUrl: string;
  let api: RestartableApi | undefined;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Its own database: the lock would stall every other test's rooms.
    databaseUrl = await createTestDatabase(database);
    api = await restartableApi('backlog', {
      DATABASE_URL: databaseUrl,
      NODE_OPTIONS: '--max-old-space-size=256',
      ROOM_MAX_MESSAGE_BYTES: String(1.5 * MiB),
      ROOM_WRITE_QUEUE_BYTES: String(WRITE_QUEUE),
      ROOM_BYTES_PER_SECOND: String(512 * MiB),
      ROOM_BYTES_BURST: String(1024 * MiB),
      ROOM_ACK_DELAY_MS: '0',
    });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await api?.stop();
    await dropDatabase(TEST_PG_SERVER_URL, database);
  });

  it('S11/S1: with doc_updates locked for 15 s under a stream of 1 MB updates, the process survives, updates past the cap are refused server_busy, and every accepted one is acknowledged and stored once the lock goes', async () => {
    if (!api) throw new Error('api not started');
    const { session, interviewer, candidate } = await seatedSession(api.baseUrl);
    const baseUrl = api.baseUrl;
    const auth = (token: string) => ({ token, sessionId: session.id });
    const streamer = await rawSocket(baseUrl, auth(interviewer.token));
    sockets.push(streamer);

    const locker = new Client({ connectionString: databaseUrl });
    await locker.connect();
    const streamed: Array<{ key: string; outcome: Promise<Outcome> }> = [];
    const flooded: Array<{ key: string; outcome: Promise<Outcome> }> = [];
    let health: number | undefined;
    try {
      await locker.query('begin');
      await locker.query('lock table doc_updates in access exclusive mode');
      const lockedAt = Date.now();
      const stopAt = lockedAt + LOCK_MS - 1_000;

      // A steady client, slow enough that its refusals never get it disconnected (P6): its acknowledgements
      // must all arrive once the lock goes.
      const stream = (async () => {
        for (let i = 0; Date.now() < stopAt; i++) {
          const key = `stream-${i}`;
          streamed.push({ key, outcome: emitUpdate(streamer, independentSet(key, BIG)) });
          await sleep(700);
        }
      })();
      // A flood from another participant, reconnecting whenever its refusals get it cut.
      const flood = (async () => {
        await sleep(2_000);
        let socket: Socket | undefined;
        for (let i = 0; Date.now() < stopAt; i++) {
          if (!socket?.connected) {
            socket?.close();
            socket = await rawSocket(baseUrl, auth(candidate.token)).catch(() => undefined);
            if (socket) sockets.push(socket);
          }
          if (socket) {
            const key = `flood-${i}`;
            flooded.push({ key, outcome: emitUpdate(socket, independentSet(key, BIG)) });
          }
          await sleep(60);
        }
      })();
      await sleep(LOCK_MS / 2);
      health = (await fetch(`${baseUrl}/api/health`)).status;
      await Promise.all([stream, flood]);
      expect(exitOf(api)).toEqual({ code: null, signal: null });
      await sleep(Math.max(0, lockedAt + LOCK_MS - Date.now()));
      await locker.query('commit');
    } finally {
      await locker.end();
    }

    const streamOutcomes = await Promise.all(streamed.map((s) => s.outcome));
    const floodOutcomes = await Promise.all(flooded.map((s) => s.outcome));
    expect(health).toBeDefined();
    // A process killed by a signal (SIGABRT when the heap runs out) has no exit code either.
    expect(exitOf(api)).toEqual({ code: null, signal: null });
    const codes = (outcomes: Outcome[]) => outcomes.map((o) => (o === 'lost' ? o : o.ok ? 'ok' : o.error));
    // The steady client: every update either acknowledged or refused server_busy, never left unanswered.
    expect(new Set(codes(streamOutcomes))).toEqual(new Set(['ok', 'server_busy']));
    expect(codes(floodOutcomes)).toContain('server_busy');
    expect(codes(floodOutcomes).filter((c) => c !== 'ok' && c !== 'server_busy' && c !== 'lost')).toEqual([]);
    const total = streamed.length + flooded.length;
    expect(total).toBeGreaterThan(100);

    const rows = await withPgClient(databaseUrl, (c) => c.query<{ update: Buffer }>('select update from doc_updates where session_id = $1', [session.id]));
    // What was taken while the log could not be written stayed within the cap (plus the one update that crossed it).
    expect(rows.rows.length * 1_000_000).toBeLessThanOrEqual(WRITE_QUEUE + 1_100_000);
    const logged = new Y.Doc();
    rows.rows.forEach((row) => Y.applyUpdate(logged, new Uint8Array(row.update)));
    const keys = new Set(logged.getMap('elements').keys());
    const acked = [...streamed.filter((_, i) => codes(streamOutcomes)[i] === 'ok'), ...flooded.filter((_, i) => codes(floodOutcomes)[i] === 'ok')];
    expect(acked.length).toBeGreaterThan(0);
    expect(acked.map((s) => s.key).filter((key) => !keys.has(key))).toEqual([]);

    // And the room takes updates again.
    expect(await emitUpdate(streamer, independentSet('after-lock', 'small'))).toEqual({ ok: true });
  }, 60_000);
});
