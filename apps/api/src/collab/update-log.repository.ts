import { Inject, Injectable } from '@nestjs/common';
import { docSnapshots, docUpdates, type Database } from '@mockboard/db';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { DATABASE } from '../core/database/database.module';

export interface LoggedUpdate {
  sessionId: string;
  seq: number;
  userId: string | null;
  createdAt: Date;
  update: Uint8Array;
}

export interface Snapshot {
  seq: number;
  state: Uint8Array;
  /** Null for snapshots stored before state vectors were kept. */
  stateVector: Uint8Array | null;
}

@Injectable()
export class UpdateLogRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * One statement for the whole batch, whatever its size: five array parameters expanded by `unnest`, so
   * neither the bind-parameter limit nor per-row SQL building cost grows with the batch (rule S2). A
   * `retry` of a batch whose commit went through before its connection broke skips the rows it finds.
   */
  async append(rows: LoggedUpdate[], { retry = false } = {}): Promise<void> {
    if (rows.length === 0) return;
    await this.database.db.execute(sql`
      insert into ${docUpdates} (session_id, seq, user_id, created_at, update)
      select * from unnest(
        ${sql.param(rows.map((r) => r.sessionId))}::uuid[],
        ${sql.param(rows.map((r) => r.seq))}::int8[],
        ${sql.param(rows.map((r) => r.userId))}::uuid[],
        ${sql.param(rows.map((r) => r.createdAt.toISOString()))}::timestamptz[],
        ${sql.param(rows.map((r) => Buffer.from(r.update.buffer, r.update.byteOffset, r.update.byteLength)))}::bytea[]
      )
      ${retry ? sql`on conflict (session_id, seq) do nothing` : sql``}`);
  }

  async loadSnapshot(sessionId: string): Promise<Snapshot | undefined> {
    const [row] = await this.database.db
      .select({ seq: docSnapshots.seq, state: docSnapshots.state, stateVector: docSnapshots.stateVector })
      .from(docSnapshots)
      .where(eq(docSnapshots.sessionId, sessionId))
      .limit(1);
    return row;
  }

  async loadTail(sessionId: string, afterSeq: number): Promise<Array<{ seq: number; update: Uint8Array }>> {
    return this.database.db
      .select({ seq: docUpdates.seq, update: docUpdates.update })
      .from(docUpdates)
      .where(and(eq(docUpdates.sessionId, sessionId), gt(docUpdates.seq, afterSeq)))
      .orderBy(asc(docUpdates.seq));
  }

  async writeSnapshot(sessionId: string, snapshot: Snapshot): Promise<void> {
    const updatedAt = new Date();
    await this.database.db
      .insert(docSnapshots)
      .values({ sessionId, ...snapshot, updatedAt })
      .onConflictDoUpdate({ target: docSnapshots.sessionId, set: { seq: snapshot.seq, state: snapshot.state, stateVector: snapshot.stateVector, updatedAt } });
  }
}
