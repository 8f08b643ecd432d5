import { docSetAside, docSnapshots, docUpdates, type Db } from '@mockboard/db';
import { and, asc, eq, exists, gt, sql } from 'drizzle-orm';

export interface LoggedUpdate {
  sessionId: string;
  seq: number;
  userId: string | null;
  createdAt: Date;
  update: Uint8Array;
}

export interface LogRow {
  seq: number;
  update: Uint8Array;
  /** An earlier load could not integrate it (rule S10). */
  setAside: boolean;
}

export interface Snapshot {
  seq: number;
  state: Uint8Array;
  /** Null for snapshots stored before state vectors were kept. */
  stateVector: Uint8Array | null;
  /** Written from a document of checked updates only; older snapshots are checked on load (rule S4). */
  verified: boolean;
}

export interface SetAside {
  sessionId: string;
  source: 'update' | 'snapshot';
  seq: number;
  reason: string;
  /** A snapshot's bytes; a log row keeps its own in the log. */
  state?: Uint8Array;
}

/**
 * The session documents' storage: the append-only update log, the latest snapshot of each document, and
 * what loading had to set aside. Shared by the api (rooms) and the worker (recordings).
 */
export class UpdateLogRepository {
  constructor(private readonly db: Db) {}

  /**
   * One statement for the whole batch, whatever its size: five array parameters expanded by `unnest`, so
   * neither the bind-parameter limit nor per-row SQL building cost grows with the batch (rule S2). Fails on
   * a seq that is already taken; `appendChecked` then tells whose row that is.
   */
  async append(rows: readonly LoggedUpdate[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.execute(sql`insert into ${docUpdates} (session_id, seq, user_id, created_at, update) ${rowsOf(rows)}`);
  }

  /**
   * The retry of a batch: inserts what is missing and returns the rows whose seq holds something else, so
   * that a row is acknowledged only if it is the one this server wrote (rule S2). A row found identical
   * was stored by an earlier attempt whose answer was lost; a different one was written by another
   * process (rule S9).
   */
  async appendChecked(rows: readonly LoggedUpdate[]): Promise<Array<{ sessionId: string; seq: number }>> {
    if (rows.length === 0) return [];
    // The outer query reads the table as it was before the insert: rows already there, none just written.
    // Both drivers answer raw statements with `rows`; the shared query builder types it only as unknown.
    const result = (await this.db.execute(sql`
      with batch as (${rowsOf(rows)}),
      inserted as (
        insert into ${docUpdates} (session_id, seq, user_id, created_at, update)
        select * from batch on conflict (session_id, seq) do nothing
        returning session_id, seq
      )
      select b.session_id, b.seq from batch b
      join ${docUpdates} d on d.session_id = b.session_id and d.seq = b.seq
      where d.update <> b.update or d.user_id is distinct from b.user_id or d.created_at <> b.created_at`)) as unknown as {
      rows: Array<{ session_id: string; seq: string | number }>;
    };
    return result.rows.map((row) => ({ sessionId: row.session_id, seq: Number(row.seq) }));
  }

  async loadSnapshot(sessionId: string): Promise<Snapshot | undefined> {
    const [row] = await this.db
      .select({ seq: docSnapshots.seq, state: docSnapshots.state, stateVector: docSnapshots.stateVector, verified: docSnapshots.verified })
      .from(docSnapshots)
      .where(eq(docSnapshots.sessionId, sessionId))
      .limit(1);
    return row;
  }

  /** The log after `afterSeq`, in order; rows an earlier load set aside are flagged. */
  async loadTail(sessionId: string, afterSeq: number): Promise<LogRow[]> {
    return this.db
      .select({ seq: docUpdates.seq, update: docUpdates.update, setAside: sql<boolean>`${exists(setAsideRowOf(this.db))}` })
      .from(docUpdates)
      .where(and(eq(docUpdates.sessionId, sessionId), gt(docUpdates.seq, afterSeq)))
      .orderBy(asc(docUpdates.seq));
  }

  async writeSnapshot(sessionId: string, snapshot: Snapshot): Promise<void> {
    const updatedAt = new Date();
    const { seq, state, stateVector, verified } = snapshot;
    await this.db
      .insert(docSnapshots)
      .values({ sessionId, ...snapshot, updatedAt })
      .onConflictDoUpdate({ target: docSnapshots.sessionId, set: { seq, state, stateVector, verified, updatedAt } });
  }

  /**
   * Records what a load had to leave out, so later loads skip it; true the first time, so it is reported
   * once. A snapshot set aside is removed from `doc_snapshots` (its bytes are kept here): the next load
   * reads the whole log instead.
   */
  async setAside(entry: SetAside): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(docSetAside)
        .values({ ...entry, state: entry.state ?? null })
        .onConflictDoNothing()
        .returning({ seq: docSetAside.seq });
      if (entry.source === 'snapshot') {
        await tx.delete(docSnapshots).where(and(eq(docSnapshots.sessionId, entry.sessionId), eq(docSnapshots.seq, entry.seq)));
      }
      return inserted.length > 0;
    });
  }
}

/** The `doc_set_aside` entry of the `doc_updates` row being read, for `exists` / `not exists` (rule S10). */
export function setAsideRowOf(db: Db) {
  return db
    .select({ seq: docSetAside.seq })
    .from(docSetAside)
    .where(and(eq(docSetAside.sessionId, docUpdates.sessionId), eq(docSetAside.source, 'update'), eq(docSetAside.seq, docUpdates.seq)));
}

function rowsOf(rows: readonly LoggedUpdate[]) {
  return sql`select * from unnest(
    ${sql.param(rows.map((r) => r.sessionId))}::uuid[],
    ${sql.param(rows.map((r) => r.seq))}::int8[],
    ${sql.param(rows.map((r) => r.userId))}::uuid[],
    ${sql.param(rows.map((r) => r.createdAt.toISOString()))}::timestamptz[],
    ${sql.param(rows.map((r) => Buffer.from(r.update.buffer, r.update.byteOffset, r.update.byteLength)))}::bytea[]
  ) as batch (session_id, seq, user_id, created_at, update)`;
}
