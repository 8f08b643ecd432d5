import { withPgClient } from '@mockboard/testing';
import { sleep } from '../../shared/cleanup';
import { countMissing, docDigest, openProvider, whenReady } from './room-doc';
import { mapLimit } from './setup';

const FRESH_CONCURRENCY = 20;

export interface LoggedCount {
  rows: number;
  maxSeq: number;
  snapshotSeq: number;
}

/** Rows of `doc_updates` and the snapshot position per session. */
export async function loggedCounts(databaseUrl: string, sessionIds: string[]): Promise<Map<string, LoggedCount>> {
  return withPgClient(databaseUrl, async (db) => {
    const { rows } = await db.query<{ session_id: string; rows: string; max_seq: string | null; snapshot_seq: string | null }>(
      `select s.id as session_id, count(u.seq) as rows, max(u.seq) as max_seq, (select seq from doc_snapshots d where d.session_id = s.id) as snapshot_seq
         from interview_sessions s left join doc_updates u on u.session_id = s.id
        where s.id = any($1::uuid[]) group by s.id`,
      [sessionIds],
    );
    return new Map(
      rows.map((r) => [r.session_id, { rows: Number(r.rows), maxSeq: Number(r.max_seq ?? 0), snapshotSeq: Number(r.snapshot_seq ?? 0) }]),
    );
  });
}

/**
 * Waits until the server has stored every room it unloads: an unloading room writes its snapshot at the
 * last committed seq first. Then waits out the grace once more so the last one is also gone from memory.
 */
export async function waitForStoredRooms(databaseUrl: string, sessionIds: string[], graceMs: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const counts = await loggedCounts(databaseUrl, sessionIds);
    const stored = [...counts.values()].every((c) => c.rows === 0 || c.snapshotSeq >= c.maxSeq);
    if (stored) {
      await sleep(graceMs + 300);
      return true;
    }
    await sleep(250);
  }
  return false;
}

export interface FreshCheckInput {
  sessionId: string;
  token: string;
  sentPerWriter: number[];
  digest: string;
}

export interface FreshCheckResult {
  sessionId: string;
  missing: number;
  matches: boolean;
  syncMs: number;
  error?: string;
}

/** A new client per room loads it from the server and must hold every key and equal the room's clients. */
export async function freshClientCheck(url: string, rooms: FreshCheckInput[]): Promise<FreshCheckResult[]> {
  return mapLimit(rooms, FRESH_CONCURRENCY, async (room) => {
    const started = performance.now();
    const provider = openProvider({ url, sessionId: room.sessionId, token: room.token, reconnect: false });
    try {
      await whenReady(provider, 30_000);
      const syncMs = performance.now() - started;
      return {
        sessionId: room.sessionId,
        missing: countMissing(provider.doc, room.sentPerWriter),
        matches: docDigest(provider.doc) === room.digest,
        syncMs,
      };
    } catch (error) {
      const total = room.sentPerWriter.reduce((a, b) => a + b, 0);
      return { sessionId: room.sessionId, missing: total, matches: false, syncMs: NaN, error: String(error) };
    } finally {
      provider.destroy();
    }
  });
}
