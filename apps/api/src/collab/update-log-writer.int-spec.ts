import { randomUUID } from 'node:crypto';
import { docUpdates, interviewSessions } from '@mockboard/db';
import { eq } from 'drizzle-orm';
import { seatedSession } from '../../../../tests/support/session-fixture';
import { startTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { LoggedUpdate } from './update-log.repository';
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
  const loggedSeqs = async (sessionId: string): Promise<number[]> =>
    (await app.database.db.select({ seq: docUpdates.seq }).from(docUpdates).where(eq(docUpdates.sessionId, sessionId)))
      .map((r) => r.seq)
      .sort((a, b) => a - b);

  it('S2: commits a burst in several batches and acknowledges it in append order', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    const acknowledged: number[] = [];
    const appends = Array.from({ length: 1_300 }, (_, i) =>
      writer.append(row(session.id, interviewer.userId, i + 1)).then(() => acknowledged.push(i + 1)),
    );
    await Promise.all(appends);
    expect(acknowledged).toEqual(Array.from({ length: 1_300 }, (_, i) => i + 1));
    expect(await loggedSeqs(session.id)).toHaveLength(1_300);
  });

  it('S2: a batch that cannot commit holds back later acknowledgements and is retried until it commits', async () => {
    const { session, interviewer } = await seatedSession(app.baseUrl);
    // A session that does not exist yet: its rows fail the foreign key until it is created.
    const lateSessionId = randomUUID();
    const acknowledged: string[] = [];
    const blocked = writer.append(row(lateSessionId, interviewer.userId, 1)).then(() => acknowledged.push('late'));
    await new Promise((resolve) => setImmediate(resolve));
    const later = writer.append(row(session.id, interviewer.userId, 1)).then(() => acknowledged.push('later'));

    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await loggedSeqs(session.id)).toEqual([1]);
      expect(acknowledged).toEqual([]);
    } finally {
      // Even when an expectation failed: until the blocked batch commits, the writer cannot drain and the app cannot close.
      await app.database.db.insert(interviewSessions).values({
        id: lateSessionId,
        problemSlug: 'video-recommendation',
        durationMinutes: 45,
        inviteCode: `late-${lateSessionId}`,
        createdBy: interviewer.userId,
      });
    }
    await Promise.all([blocked, later]);
    expect(acknowledged).toEqual(['late', 'later']);
    expect(await loggedSeqs(lateSessionId)).toEqual([1]);
  });
});
