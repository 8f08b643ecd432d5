import { Inject, Injectable } from '@nestjs/common';
import { docSnapshots, docUpdates, type Database } from '@mockboard/db';
import { and, asc, eq, gt } from 'drizzle-orm';
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
}

/** Keeps each INSERT well under Postgres' 65,535 bind parameters (5 per row). */
const MAX_ROWS_PER_INSERT = 2_000;

@Injectable()
export class UpdateLogRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** One transaction for the whole batch: either every row is durable or none is. */
  async append(rows: LoggedUpdate[]): Promise<void> {
    if (rows.length === 0) return;
    if (rows.length <= MAX_ROWS_PER_INSERT) {
      await this.database.db.insert(docUpdates).values(rows);
      return;
    }
    await this.database.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += MAX_ROWS_PER_INSERT) {
        await tx.insert(docUpdates).values(rows.slice(i, i + MAX_ROWS_PER_INSERT));
      }
    });
  }

  async loadSnapshot(sessionId: string): Promise<Snapshot | undefined> {
    const [row] = await this.database.db
      .select({ seq: docSnapshots.seq, state: docSnapshots.state })
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
      .onConflictDoUpdate({ target: docSnapshots.sessionId, set: { seq: snapshot.seq, state: snapshot.state, updatedAt } });
  }
}
