import type { RoomProvider } from '@mockboard/room-client';
import { withPgClient } from '@mockboard/testing';
import * as Y from 'yjs';
import { sleep } from '../../shared/cleanup';
import { median, summarise, type LatencySummary } from '../../shared/stats';
import type { BenchOptions } from './options';
import type { ProcSampler, UsageSummary } from './proc-sampler';
import { docDigest, elements, nowMs, openProvider, whenReady } from './room-doc';
import type { ServerHandle } from './server-process';
import { guest } from './setup';
import { SampleBuffer } from './stats';
import { loggedCounts } from './verify';

/** Whiteboard edits overwrite elements: the pushed updates cycle over this many element ids. */
const ELEMENT_IDS = 1_000;
/** Each writer's pace; the bench's server lifts the per-user message budget for this setup (server-process.ts). */
const PER_SOCKET_RATE = 100;
const CHUNK = 50;
const WHOLE_DOC_WAIT_MS = 2_000;
/** Places the worst-case tail; the bench starts its server with this ROOM_SNAPSHOT_EVERY (an external one must match). */
export const SNAPSHOT_EVERY = 500;
const UNLOAD_WAIT_MS = 30_000;
/** An external server gives no unload signal: it must run with a short ROOM_UNLOAD_GRACE_MS. */
const EXTERNAL_UNLOAD_WAIT_MS = 1_500;

export interface LoadVariant {
  name: string;
  /** Whether it counts for floor (2). */
  floor: boolean;
  note: string;
  syncMs: number[];
  connectMs: number[];
  median: number;
  max: number;
  /** The fresh client's doc equalled the writers' every time. */
  matches: boolean;
  /** The server logged the room's unload before every measurement (only known for our own server). */
  unloadConfirmed: boolean | undefined;
}

export interface LoadReport {
  updates: number;
  writers: number;
  pushMs: number;
  pushAck: LatencySummary;
  pushFailures: number;
  loggedRows: number | undefined;
  snapshotBytes: number | undefined;
  logBytes: number | undefined;
  docStateBytes: number;
  variants: LoadVariant[];
  /** CPU and memory while pushing, and while measuring the loads (to see whether anything else competed). */
  usage: UsageSummary[];
  measureUsage: UsageSummary[];
}

/** Floor (2): a room whose log holds N updates loads, after an unload, in < 100 ms (snapshot + tail). */
export async function runLoad(server: ServerHandle, options: BenchOptions, sampler: ProcSampler): Promise<LoadReport> {
  const host = await guest(server.url, 'bench-load-host');
  const created = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ problemSlug: 'video-recommendation' }),
  });
  if (!created.ok) throw new Error(`creating the load session failed: ${created.status}`);
  const sessionId = ((await created.json()) as { id: string }).id;
  const connect = (): RoomProvider => openProvider({ url: server.url, sessionId, token: host.token, reconnect: false });

  console.log(`load: pushing ${options.loadUpdates} updates through ${options.loadWriters} sockets ...`);
  const pushStart = Date.now();
  const push = await pushUpdates(connect, options.loadUpdates, options.loadWriters);
  const pushMs = Date.now() - pushStart;
  const usage = sampler.summary(pushStart, Date.now());
  const expected = push.digest;

  const db = server.databaseUrl;
  const counts = db ? (await loggedCounts(db, [sessionId])).get(sessionId) : undefined;
  // Whether the server confirmed the unload that precedes the next measurement (undefined: cannot tell).
  let unloaded = await unloadAfter(server, sessionId, () => push.writers.forEach((w) => w.destroy()));
  const sizes = db ? await storedSizes(db, sessionId) : undefined;

  const measure = async (name: string, floor: boolean, note: string, prepare?: () => Promise<void>): Promise<LoadVariant> => {
    console.log(`load: ${name} x${options.loadRepeats} ...`);
    const syncMs: number[] = [];
    const connectMs: number[] = [];
    let matches = true;
    let unloadConfirmed: boolean | undefined;
    for (let i = 0; i < options.loadRepeats; i++) {
      if (unloaded !== undefined) unloadConfirmed = (unloadConfirmed ?? true) && unloaded;
      await prepare?.();
      const timing = await freshLoad(connect, expected);
      syncMs.push(timing.syncMs);
      connectMs.push(timing.connectMs);
      matches &&= timing.digest === expected;
      unloaded = await unloadAfter(server, sessionId, () => timing.provider.destroy());
    }
    return { name, floor, note, syncMs, connectMs, median: median(syncMs), max: Math.max(...syncMs), matches, unloadConfirmed };
  };

  const measureStart = Date.now();
  const variants: LoadVariant[] = [];
  variants.push(await measure('snapshot, empty tail', true, 'what an unload leaves: the snapshot at the last seq'));
  if (db) {
    const worstTail = SNAPSHOT_EVERY - 1;
    const state = await snapshotAt(db, sessionId, options.loadUpdates - worstTail);
    variants.push(
      await measure(`snapshot + ${worstTail}-update tail`, true, `worst case for ROOM_SNAPSHOT_EVERY=${SNAPSHOT_EVERY}`, () =>
        withPgClient(db, (c) =>
          c.query('update doc_snapshots set seq = $2, state = $3, state_vector = $4 where session_id = $1', [
            sessionId,
            options.loadUpdates - worstTail,
            state,
            Y.encodeStateVectorFromUpdate(state),
          ]),
        ).then(() => undefined),
      ),
    );
    variants.push(
      await measure(`log only (${options.loadUpdates} updates, no snapshot)`, false, 'informational: snapshot row deleted', () =>
        withPgClient(db, (c) => c.query('delete from doc_snapshots where session_id = $1', [sessionId])).then(() => undefined),
      ),
    );
  }
  // A room already in memory: the cost of the handshake and sync alone, for comparison.
  const keeper = connect();
  await whenReady(keeper, 30_000);
  variants.push(await measureWarm(connect, options.loadRepeats, expected));
  keeper.destroy();

  return {
    updates: options.loadUpdates,
    writers: options.loadWriters,
    pushMs,
    pushAck: summarise(push.ackMs),
    pushFailures: push.failures,
    loggedRows: counts?.rows,
    snapshotBytes: sizes?.snapshotBytes,
    logBytes: sizes?.logBytes,
    docStateBytes: push.stateBytes,
    variants,
    usage,
    measureUsage: sampler.summary(measureStart, Date.now()),
  };
}

/**
 * Several sockets of the same participant push in parallel, each sending a chunk, waiting for every ack
 * and keeping to its rate. The server's per-user budget would hold them to 120 a second together: the
 * bench's server lifts it, as filling the room is setup, not what is measured.
 */
async function pushUpdates(connect: () => RoomProvider, updates: number, writerCount: number) {
  const writers = Array.from({ length: writerCount }, connect);
  await Promise.all(writers.map((w) => whenReady(w, 30_000)));
  const ackMs = new SampleBuffer();
  let failures = 0;
  await Promise.all(
    writers.map(async (writer, w) => {
      const unacked: number[] = [];
      writer.on('ack', (ack) => {
        const sentAt = unacked.shift();
        if (!ack.ok) failures++;
        else if (sentAt !== undefined) ackMs.push(nowMs() - sentAt);
      });
      const mine = Math.floor(updates / writerCount) + (w < updates % writerCount ? 1 : 0);
      for (let n = 0; n < mine; n += CHUNK) {
        const chunkStart = Date.now();
        const size = Math.min(CHUNK, mine - n);
        for (let i = 0; i < size; i++) {
          const global = (n + i) * writerCount + w;
          const t = nowMs();
          unacked.push(t);
          const value = { t, n: global, x: global % 997, y: global % 991 };
          elements(writer.doc).set(`e${global % ELEMENT_IDS}`, value);
        }
        await writer.whenAcked();
        const minimum = (size / PER_SOCKET_RATE) * 1000;
        const elapsed = Date.now() - chunkStart;
        if (elapsed < minimum) await sleep(minimum - elapsed);
      }
    }),
  );
  // Writers receive each other's edits by fan-out; wait until all agree, then that is the expected doc.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && new Set(writers.map((w) => docDigest(w.doc))).size > 1) await sleep(100);
  const first = writers[0] as RoomProvider;
  return { writers, ackMs: ackMs.toArray(), failures, digest: docDigest(first.doc), stateBytes: Y.encodeStateAsUpdate(first.doc).byteLength };
}

async function freshLoad(connect: () => RoomProvider, expected: string) {
  const started = performance.now();
  const provider = connect();
  let connectedAt = NaN;
  provider.on('status', (status) => {
    if (status === 'connected' && Number.isNaN(connectedAt)) connectedAt = performance.now();
  });
  await whenReady(provider, 30_000);
  // A room serves a newcomer its snapshot in sync step 2 and the log after it right behind: the time runs
  // until the document is whole, or the digest mismatch is reported.
  await untilDigest(provider.doc, expected, WHOLE_DOC_WAIT_MS);
  const syncMs = performance.now() - started;
  return { provider, syncMs, connectMs: connectedAt - started, digest: docDigest(provider.doc) };
}

async function untilDigest(doc: Y.Doc, expected: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (docDigest(doc) !== expected && performance.now() < deadline) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, deadline - performance.now());
      function done(): void {
        clearTimeout(timer);
        doc.off('update', done);
        resolve();
      }
      doc.on('update', done);
    });
  }
}

async function measureWarm(connect: () => RoomProvider, repeats: number, expected: string): Promise<LoadVariant> {
  console.log(`load: room already loaded x${repeats} ...`);
  const syncMs: number[] = [];
  const connectMs: number[] = [];
  let matches = true;
  for (let i = 0; i < repeats; i++) {
    const timing = await freshLoad(connect, expected);
    syncMs.push(timing.syncMs);
    connectMs.push(timing.connectMs);
    matches &&= timing.digest === expected;
    timing.provider.destroy();
  }
  return {
    name: 'room already in memory',
    floor: false,
    note: 'informational: handshake + sync only, no database read',
    syncMs,
    connectMs,
    median: median(syncMs),
    max: Math.max(...syncMs),
    matches,
    unloadConfirmed: undefined,
  };
}

/**
 * Disconnects (via `leave`) and waits for the server to unload the room. Our own server logs the unload
 * at debug level, so it is confirmed (true/false); an external server is given a fixed wait (undefined).
 */
async function unloadAfter(server: ServerHandle, sessionId: string, leave: () => void): Promise<boolean | undefined> {
  if (!server.waitForOutput) {
    leave();
    await sleep(EXTERNAL_UNLOAD_WAIT_MS);
    return undefined;
  }
  const unloaded = server.waitForOutput(new RegExp(`Unloaded room ${sessionId}`), UNLOAD_WAIT_MS);
  leave();
  return unloaded;
}

/** The document as of `seq`, built from the log like the server's compaction would have. */
async function snapshotAt(databaseUrl: string, sessionId: string, seq: number): Promise<Buffer> {
  const rows = await withPgClient(databaseUrl, (c) =>
    c.query<{ update: Buffer }>('select update from doc_updates where session_id = $1 and seq <= $2 order by seq', [sessionId, seq]),
  );
  const doc = new Y.Doc();
  doc.transact(() => rows.rows.forEach((r) => Y.applyUpdate(doc, r.update)));
  return Buffer.from(Y.encodeStateAsUpdate(doc));
}

async function storedSizes(databaseUrl: string, sessionId: string): Promise<{ snapshotBytes: number; logBytes: number }> {
  return withPgClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{ snapshot: string | null; log: string | null }>(
      `select (select octet_length(state) from doc_snapshots where session_id = $1) as snapshot,
              (select sum(octet_length(update)) from doc_updates where session_id = $1) as log`,
      [sessionId],
    );
    return { snapshotBytes: Number(rows[0]?.snapshot ?? 0), logBytes: Number(rows[0]?.log ?? 0) };
  });
}
