import { buildRecording, RecordingsRepository } from '@mockboard/collab';
import type { AppConfig } from '@mockboard/config';
import { describeError, type Database } from '@mockboard/db';
import { RECORDINGS_QUEUE, RecordingJobs, type RecordingJobData } from '@mockboard/jobs';
import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';

export interface RecordingWorker {
  /** Enqueues every recording asked for and not finished; the worker runs it at start and every `sweepMs`. */
  sweep(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Builds recordings (docs/protocol.md, rules V1-V3). One build at a time: a build is CPU work, and the
 * embedded worker shares its process with the rooms.
 */
export function startRecordingWorker(config: AppConfig, database: Database, connection: ConnectionOptions, logger: Logger): RecordingWorker {
  const repository = new RecordingsRepository(database.db);
  // Redis being down is reported once by the background worker, which uses the same settings.
  const quiet = (): void => undefined;
  const { attempts, backoffMs } = config.recordings;
  const jobs = new RecordingJobs({ connection, prefix: config.redis.prefix, attempts, backoffMs, onError: quiet });

  const build = async (job: Job<RecordingJobData>): Promise<unknown> => {
    const { sessionId } = job.data;
    const recording = await repository.extent(sessionId);
    // The session was deleted, or an earlier run of this job finished: nothing to build twice.
    if (!recording) return { skipped: 'no recording was asked for' };
    if (recording.status === 'ready') return { skipped: 'already built' };
    await repository.setStatus(sessionId, { status: 'processing', progress: 0, error: null });
    await job.updateProgress(0);
    try {
      const inputs = await repository.inputs(sessionId);
      if (!inputs) return { skipped: 'the session is gone' };
      const built = await buildRecording(inputs, async (percent) => {
        await repository.setProgress(sessionId, percent);
        await job.updateProgress(percent);
      });
      await repository.save(sessionId, built);
      await job.updateProgress(100);
      logger.info({ sessionId, updates: built.index.length, keyframes: built.keyframes.length }, 'recording built');
      return { updates: built.index.length, keyframes: built.keyframes.length };
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // Described, not serialised: a failed query's message lists its parameters.
      const reason = describeError(error);
      await repository.setStatus(sessionId, final ? { status: 'failed', error: reason } : { status: 'queued', progress: 0 });
      throw error;
    }
  };

  const worker = new Worker<RecordingJobData>(RECORDINGS_QUEUE, build, {
    connection,
    prefix: config.redis.prefix,
    concurrency: 1,
    lockDuration: config.jobLockMs,
    stalledInterval: config.jobLockMs,
  });
  worker.on('error', quiet);
  worker.on('failed', (job, error) => logger.warn({ sessionId: job?.data.sessionId, attempt: job?.attemptsMade }, `recording build failed: ${describeError(error)}`));

  let sweeping: Promise<number> | undefined;
  const sweep = (): Promise<number> => {
    sweeping ??= (async () => {
      try {
        const unfinished = await repository.unfinished();
        // `retry`, not `enqueue`: a job BullMQ failed itself (stalled twice: a worker killed twice mid-build)
        // never ran our catch, so its recording is still unfinished while the failed job holds the id.
        for (const sessionId of unfinished) await jobs.retry(sessionId);
        return unfinished.length;
      } finally {
        sweeping = undefined;
      }
    })();
    return sweeping;
  };
  const onSweepError = (error: unknown): void => logger.warn(`recording sweep failed: ${describeError(error)}`);
  void sweep().catch(onSweepError);
  const timer = setInterval(() => void sweep().catch(onSweepError), config.recordings.sweepMs);
  timer.unref();

  return {
    sweep,
    async close() {
      clearInterval(timer);
      await worker.close();
      await jobs.close();
    },
  };
}
