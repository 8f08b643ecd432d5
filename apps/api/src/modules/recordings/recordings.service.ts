import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RecordingsRepository } from '@mockboard/collab';
import type { AppConfig } from '@mockboard/config';
import { describeError, type InterviewSessionRow, type RecordingRow } from '@mockboard/db';
import { jobsConnection, RecordingJobs } from '@mockboard/jobs';
import { encodeRecordedUpdates, recordingStateQuerySchema, recordingUpdatesQuerySchema, type RecordingView } from '@mockboard/protocol';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RoomRegistry } from '../../collab/room-registry';
import { APP_CONFIG } from '../../core/config/config.module';
import { SessionEndedEvents } from '../../core/events/session-events';
import { parseBody } from '../../core/http/zod-body.pipe';
import type { InterviewActor } from '../interview/interview-actor';
import { RecordingStatusRelay } from './recording-status.relay';
import { RecordingViews } from './recording-views';
import { RecordingError } from './recordings.errors';

/**
 * Sessions' recordings as participants see them (docs/protocol.md, rules V1-V8): requested when a session
 * ends, built by the worker, watched through the state and updates routes.
 */
@Injectable()
export class RecordingsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Recordings');
  private readonly jobs: RecordingJobs;
  /** A seek costs a merge of a whole board: each user's reads are budgeted, over two seconds to allow a burst. */
  private readonly reads: RateLimiterMemory;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repository: RecordingsRepository,
    private readonly views: RecordingViews,
    private readonly status: RecordingStatusRelay,
    private readonly rooms: RoomRegistry,
    private readonly ended: SessionEndedEvents,
  ) {
    const { attempts, backoffMs } = config.recordings;
    // Redis being down is reported by the api's shared connection (RedisModule); this queue only waits.
    this.jobs = new RecordingJobs({ connection: jobsConnection(config.redis.url), prefix: config.redis.prefix, attempts, backoffMs, onError: () => undefined });
    this.reads = new RateLimiterMemory({ points: 2 * config.recordings.readsPerSecond, duration: 2 });
  }

  onModuleInit(): void {
    this.unsubscribe = this.ended.subscribe((sessionId) => void this.requested(sessionId));
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.jobs.close();
  }

  async view(actor: InterviewActor, session: InterviewSessionRow): Promise<RecordingView> {
    const viewFor = await this.views.of(await this.recordingOf(session));
    return viewFor(actor.role);
  }

  /** The document at `at` as one Yjs update (rule V5). */
  async state(actor: InterviewActor, session: InterviewSessionRow, query: unknown): Promise<Uint8Array> {
    // The order docs/protocol.md gives: not ended (404), the budget (429), the query (400), not ready (409).
    const found = await this.extentOf(session);
    await this.chargeRead(actor);
    const { at } = parseBody(recordingStateQuerySchema, query);
    const recording = ready(found);
    if (at > recording.durationMs) throw RecordingError.outOfRange('at', recording.durationMs);
    return this.repository.stateAt(session.id, at);
  }

  /** The updates in a window, framed (rule V6). */
  async updates(actor: InterviewActor, session: InterviewSessionRow, query: unknown): Promise<Uint8Array> {
    const found = await this.extentOf(session);
    await this.chargeRead(actor);
    const { from, to } = parseBody(recordingUpdatesQuerySchema, query);
    const recording = ready(found);
    if (to > recording.durationMs) throw RecordingError.outOfRange('to', recording.durationMs);
    return encodeRecordedUpdates(await this.repository.updatesBetween(session.id, from, to));
  }

  /** "Retry" (rule V2): the interviewer's, and only for a failed build. */
  async retry(actor: InterviewActor, session: InterviewSessionRow): Promise<RecordingView> {
    if (actor.role !== 'interviewer') throw RecordingError.interviewerOnly();
    await this.recordingOf(session);
    if (!(await this.repository.requeueFailed(session.id))) throw RecordingError.notFailed();
    await this.enqueue(session.id, (jobs) => jobs.retry(session.id));
    void this.status.push(session.id);
    return this.view(actor, session);
  }

  private async chargeRead(actor: InterviewActor): Promise<void> {
    try {
      await this.reads.consume(actor.userId);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw RecordingError.tooFast(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    }
  }

  /** The build starts once every edit the room accepted before the end is in the log it reads (rule V1). */
  private async requested(sessionId: string): Promise<void> {
    await this.status.push(sessionId);
    await this.rooms.settled(sessionId);
    await this.enqueue(sessionId, (jobs) => jobs.enqueue(sessionId));
  }

  /** With Redis away the request is not lost: its row is `queued`, and the worker's sweep enqueues it. */
  private async enqueue(sessionId: string, add: (jobs: RecordingJobs) => Promise<void>): Promise<void> {
    try {
      await add(this.jobs);
    } catch (error) {
      this.logger.warn(`Recording of ${sessionId} not enqueued (the worker's sweep will): ${describeError(error)}`);
    }
  }

  private async recordingOf(session: InterviewSessionRow): Promise<RecordingRow> {
    // Read fresh: the row the caller holds may predate the end.
    const recording = await this.repository.find(session.id);
    if (!recording) throw RecordingError.notEnded();
    return recording;
  }

  /** Seeks read two columns, not the markers and statistics: they are the player's hot path. */
  private async extentOf(session: InterviewSessionRow): Promise<Pick<RecordingRow, 'status' | 'durationMs'>> {
    const extent = await this.repository.extent(session.id);
    if (!extent) throw RecordingError.notEnded();
    return extent;
  }
}

function ready<R extends Pick<RecordingRow, 'status'>>(recording: R): R {
  if (recording.status !== 'ready') throw RecordingError.notReady(recording.status);
  return recording;
}
