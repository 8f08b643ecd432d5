import { RECORDINGS_QUEUE, recordingJobId } from '@mockboard/jobs';
import { withPgClient } from '@mockboard/testing';
import { Queue } from 'bullmq';
import { sleep } from '../../shared/cleanup';

export interface WorkerRun {
  /** BullMQ's own stamps: when the worker took the job, and when it finished it. */
  processingMs: number;
  /** From the job being added (the api's start-up sweep) to its end: queueing included. */
  addedToFinishedMs: number;
  /** From our reset of the row to seeing it `ready`: the api's start-up included. */
  observedMs: number;
  result: unknown;
}

/**
 * Waits for the api's embedded worker to build the recording its start-up sweep enqueued, then reads the
 * job's timings from BullMQ. Fails if the row ends `failed` or nothing happens within `timeoutMs`.
 */
export async function awaitWorkerBuild(databaseUrl: string, redisUrl: string, prefix: string, sessionId: string, sinceMs: number, timeoutMs: number): Promise<WorkerRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, error } = await withPgClient(databaseUrl, async (client) => {
      const { rows } = await client.query<{ status: string; error: string | null }>('select status, error from recordings where session_id = $1', [sessionId]);
      return rows[0] ?? { status: 'missing', error: null };
    });
    if (status === 'ready') break;
    if (status === 'failed' || status === 'missing') throw new Error(`the worker's build ended ${status}: ${error ?? ''}`);
    if (Date.now() > deadline) throw new Error(`the worker's build was still ${status} after ${timeoutMs} ms`);
    await sleep(100);
  }
  const observedMs = Date.now() - sinceMs;
  const queue = new Queue(RECORDINGS_QUEUE, { connection: { url: redisUrl }, prefix });
  try {
    // The row turns `ready` inside the job, a moment before BullMQ marks the job completed.
    for (let tries = 0; tries < 50; tries++) {
      const job = await queue.getJob(recordingJobId(sessionId));
      if (job?.finishedOn && job.processedOn) {
        return { processingMs: job.finishedOn - job.processedOn, addedToFinishedMs: job.finishedOn - job.timestamp, observedMs, result: job.returnvalue };
      }
      await sleep(100);
    }
    throw new Error(`job ${recordingJobId(sessionId)} never showed as finished in BullMQ`);
  } finally {
    await queue.close();
  }
}
