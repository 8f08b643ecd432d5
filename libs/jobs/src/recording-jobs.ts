import { Queue, type ConnectionOptions } from 'bullmq';

/** The queue recordings are built on (docs/protocol.md, rule V1): its own, so a long build never delays other work. */
export const RECORDINGS_QUEUE = 'recordings';
export const RECORDING_JOB_NAME = 'recording.build';

export interface RecordingJobData {
  sessionId: string;
}

/** One job per session, whoever asks and however often: BullMQ ignores an add whose id it already holds. */
export function recordingJobId(sessionId: string): string {
  return `recording-${sessionId}`;
}

export function sessionOfRecordingJob(jobId: string | undefined): string | undefined {
  return jobId?.startsWith('recording-') ? jobId.slice('recording-'.length) : undefined;
}

export interface RecordingJobOptions {
  connection: ConnectionOptions;
  prefix: string;
  attempts: number;
  backoffMs: number;
  /** Hears the queue's connection errors from the start: an 'error' nobody listens to is printed with its stack. */
  onError: (error: Error) => void;
}

/** The one way recording jobs are enqueued, by the api (a session ended, "Retry") and the worker (its sweep). */
export class RecordingJobs {
  readonly queue: Queue<RecordingJobData>;

  constructor(private readonly options: RecordingJobOptions) {
    this.queue = new Queue<RecordingJobData>(RECORDINGS_QUEUE, { connection: options.connection, prefix: options.prefix });
    this.queue.on('error', options.onError);
  }

  /** Enqueues the build unless a job for the session is already waiting, running, or kept as done. */
  async enqueue(sessionId: string): Promise<void> {
    await this.queue.add(RECORDING_JOB_NAME, { sessionId }, {
      jobId: recordingJobId(sessionId),
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: this.options.backoffMs },
      // Kept for a day once done, so a sweep racing the end of a build does not start a second one.
      removeOnComplete: { age: 24 * 60 * 60 },
      removeOnFail: { age: 7 * 24 * 60 * 60 },
    });
  }

  /** "Retry": the failed job is dropped first, as an add would otherwise find its id taken and do nothing. */
  async retry(sessionId: string): Promise<void> {
    const job = await this.queue.getJob(recordingJobId(sessionId));
    if (job && (await job.isFailed())) await job.remove();
    await this.enqueue(sessionId);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
