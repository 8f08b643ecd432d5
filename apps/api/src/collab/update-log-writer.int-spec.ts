import { randomUUID } from 'node:crypto';
import { docUpdates } from '@mockboard/db';
import { eq, sql } from 'drizzle-orm';
import { eventually } from '../../../../tests/support/room-clients';
import { seatedSession } from '../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../tests/support/test-app';
import { UpdateLogRepository, type LoggedUpdate } from '@mockboard/collab';
import { UpdateLogWriter } from './update-log-writer';

/** Rule S2 against the real Postgres: batches in parallel, acknowledged in append order, retried until committed. */
describe('UpdateLogWriter', () => {
  let app: TestApp;
  let writer: UpdateLogWriter;
  beforeAll(async () => {
    app = await startTestApp();
    writer = app.app.get(UpdateLogWriter);
  });
  afterAll(() => app.close());

  const row = (sessionId: string, userId: string, seq: number): LoggedUpdate => ({
    sessionId,
    seq,
    userId,
    createdAt: new Date(),
    update: new Uint8Array([0, 0, seq % 256]),
  });
  const append = (update: LoggedUpdate): Promise<void> =>
    new Promise((committed, rejected) => writer.append({ ...update, committed, rejected: () => rejected(new Error(`seq ${update.seq} rejected`)) }));
  const loggedSeqs = async (sessionId: string): Promise<number[]> =>
    (await app.database.db.select({ seq: docUpdates.seq }).from(docUpdates).where(eq(docUpdates.sessionId, sessionId)))
      .map((r) => r.seq)
      .sort((a, b) => a - b);

  it('S2: commits a burst in several batches and acknowledges it in append order', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    const acknowledged: number[] = [];
    const appends = Array.from({ length: 1_300 }, (_, i) =>
      append(row(session.id, interviewer.userId, i + 1)).then(() => acknowledged.push(i + 1)),
    );
    await Promise.all(appends);
    expect(acknowledged).toEqual(Array.from({ length: 1_300 }, (_, i) => i + 1));
    expect(await loggedSeqs(session.id)).toHaveLength(1_300);
  });

  it('S2: stores each row as appended: its bytes, author and server time', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    // Updates of different lengths (one empty) in one batch: each must come back with its own bytes.
    const rows: LoggedUpdate[] = [0, 1, 300, 7, 70_000].map((length, i) => ({
      sessionId: session.id,
      seq: i + 1,
      userId: i === 3 ? null : interviewer.userId,
      createdAt: new Date(Date.UTC(2026, 10, 21, 9, 30, i, 123 + i)),
      update: Uint8Array.from({ length }, (_, b) => (b * 31 + i) % 256),
    }));
    await Promise.all(rows.map(append));
    const stored = await app.database.db.select().from(docUpdates).where(eq(docUpdates.sessionId, session.id)).orderBy(docUpdates.seq);
    expect(stored.map((r) => ({ ...r, update: Buffer.from(r.update) }))).toEqual(rows.map((r) => ({ ...r, update: Buffer.from(r.update) })));
  });

  it('S2: a backlog goes out in larger batches, shared among the free slots and capped at 2,500 rows', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    await Promise.all(Array.from({ length: 12_000 }, (_, i) => append(row(session.id, interviewer.userId, i + 1))));
    // Each batch is one statement in its own transaction: rows sharing an xmin were written together.
    const batches = await app.database.db
      .select({ rows: sql<number>`count(*)::int` })
      .from(docUpdates)
      .where(eq(docUpdates.sessionId, session.id))
      .groupBy(sql`xmin`)
      .orderBy(sql`min(${docUpdates.seq})`);
    const sizes = batches.map((batch) => batch.rows);
    expect(sizes.slice(0, 4)).toEqual([2_500, 2_500, 2_500, 2_500]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(12_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2_500);
  });

  it('S2: a batch that cannot commit holds back later acknowledgements and is retried until it commits', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    const { session: blockedSession } = await seatedSession(app.baseUrl);
    // Until this constraint is dropped, the blocked session's rows cannot be stored: a batch that keeps failing.
    const constraint = `test_blocked_${randomUUID().replace(/-/g, '')}`;
    await app.database.db.execute(
      sql.raw(`alter table doc_updates add constraint ${constraint} check (session_id <> '${blockedSession.id}') not valid`),
    );
    const acknowledged: string[] = [];
    const statements = jest.spyOn(app.app.get(UpdateLogRepository), 'append');
    const blocked = append(row(blockedSession.id, interviewer.userId, 1)).then(() => acknowledged.push('blocked'));
    let later: Promise<unknown> | undefined;

    try {
      // The later row must go in a batch of its own: wait until the blocked one has been sent.
      await eventually(() => statements.mock.calls.length > 0, 5_000, 'the blocked batch to be sent');
      later = append(row(session.id, interviewer.userId, 1)).then(() => acknowledged.push('later'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await loggedSeqs(session.id)).toEqual([1]);
      expect(acknowledged).toEqual([]);
    } finally {
      statements.mockRestore();
      // Even when an expectation failed: until the blocked batch commits, the writer cannot drain and the app cannot close.
      await app.database.db.execute(sql.raw(`alter table doc_updates drop constraint ${constraint}`));
    }
    await Promise.all([blocked, later]);
    expect(acknowledged).toEqual(['blocked', 'later']);
    expect(await loggedSeqs(blockedSession.id)).toEqual([1]);
  });
});
