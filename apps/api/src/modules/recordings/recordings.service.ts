import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { KeyframeCache, recordingMarkers, RecordingsRepository, type StoredMarker } from '@mockboard/collab';
import type { AppConfig } from '@mockboard/config';
import { describeError, type Database, type InterviewSessionRow, type RecordingRow } from '@mockboard/db';
import { RECORDINGS_QUEUE, RecordingJobs, sessionOfRecordingJob } from '@mockboard/jobs';
import {
  encodeRecordedUpdates,
  recordingStateQuerySchema,
  recordingUpdatesQuerySchema,
  type ParticipantRole,
  type RecordingMarker,
  type RecordingParticipant,
  type RecordingStats,
  type RecordingStepSegment,
  type RecordingView,
} from '@mockboard/protocol';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { RoomRegistry } from '../../collab/room-registry';
import { APP_CONFIG } from '../../core/config/config.module';
import { DATABASE } from '../../core/database/database.module';
import { SessionEndedEvents } from '../../core/events/session-events';
import { parseBody } from '../../core/http/zod-body.pipe';
import { visibilitiesFor, type InterviewActor } from '../interview/interview-actor';
import { SessionTimelineRepository } from '../interview/session-timeline.repository';
import { RoomFeatures } from '../room/room-features';
import { RecordingError } from './recordings.errors';

/** A few sessions' worth of keyframes (a 60-minute session's median keyframe is ~150 kB). */
const KEYFRAME_CACHE_BYTES = 64 * 1024 * 1024;

/** Timeline events that are markers: those after the build are added when the recording is read. */
const MARKER_EVENT_TYPES = ['chat', 'clarification_revealed', 'rubric_note'] as const;

/**
 * Sessions' recordings as participants see them (docs/protocol.md, rules V1-V8): requested when a session
 * ends, built by the worker, watched through the state and updates routes. Status changes the worker makes
 * reach this process through the queue's events, and are pushed to the session's room.
 */
@Injectable()
export class RecordingsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Recordings');
  private readonly repository: RecordingsRepository;
  private readonly jobs: RecordingJobs;
  private queueEvents: QueueEvents | undefined;
  private readonly eventsConnection: Redis;
  private unsubscribe: (() => void) | undefined;
  /** Each session's pushes, one after another, so that a later status never arrives before an earlier one. */
  private readonly pushes = new Map<string, Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DATABASE) database: Database,
    private readonly timeline: SessionTimelineRepository,
    private readonly room: RoomFeatures,
    private readonly rooms: RoomRegistry,
    private readonly ended: SessionEndedEvents,
  ) {
    this.repository = new RecordingsRepository(database.db, new KeyframeCache(KEYFRAME_CACHE_BYTES));
    const retryStrategy = (attempt: number) => Math.min(attempt * 250, 5_000);
    // Redis being down is reported by the api's shared connection (RedisModule); these clients only wait.
    const quiet = (): void => undefined;
    this.jobs = new RecordingJobs({ connection: { url: config.redis.url, maxRetriesPerRequest: null, retryStrategy }, prefix: config.redis.prefix, ...config.recordings, onError: quiet });
    // The queue's events get a client of their own, and start listening only once it is connected: BullMQ's
    // close waits for a connection that never came, which would keep a stopping api alive while Redis is away.
    this.eventsConnection = new Redis(config.redis.url, { maxRetriesPerRequest: null, retryStrategy });
    this.eventsConnection.on('error', quiet);
    this.eventsConnection.once('ready', () => {
      if (this.eventsConnection.status === 'ready') this.queueEvents = this.listen(config.redis.prefix, quiet);
    });
  }

  onModuleInit(): void {
    this.unsubscribe = this.ended.subscribe((sessionId) => void this.requested(sessionId));
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await Promise.allSettled([this.queueEvents?.close(), this.jobs.close()]);
    // BullMQ leaves a client it was given open.
    this.eventsConnection.disconnect();
  }

  /** The worker's status changes, wherever it runs, reach the room through the queue's events (rule V7). */
  private listen(prefix: string, onError: () => void): QueueEvents {
    const events = new QueueEvents(RECORDINGS_QUEUE, { connection: this.eventsConnection, prefix, autorun: true });
    events.on('error', onError);
    for (const event of ['waiting', 'delayed', 'active', 'progress', 'completed', 'failed'] as const) {
      events.on(event, ({ jobId }: { jobId: string }) => {
        const sessionId = sessionOfRecordingJob(jobId);
        if (sessionId) void this.push(sessionId);
      });
    }
    return events;
  }

  async view(actor: InterviewActor, session: InterviewSessionRow): Promise<RecordingView> {
    const recording = await this.recordingOf(session);
    const [released, later] = await Promise.all([this.candidateMaySeeNotes(actor, session), this.laterMarkers(recording)]);
    return this.viewOf(recording, later, actor.role, released);
  }

  /** The document at `at` as one Yjs update (rule V5). */
  async state(session: InterviewSessionRow, query: unknown): Promise<Uint8Array> {
    // The order docs/protocol.md gives: not ended (404), then the query (400), then not ready (409).
    const found = await this.extentOf(session);
    const { at } = parseBody(recordingStateQuerySchema, query);
    const recording = this.ready(found);
    if (at > recording.durationMs) throw RecordingError.outOfRange('at', recording.durationMs);
    return this.repository.stateAt(session.id, at);
  }

  /** The updates in a window, framed (rule V6). */
  async updates(session: InterviewSessionRow, query: unknown): Promise<Uint8Array> {
    const found = await this.extentOf(session);
    const { from, to } = parseBody(recordingUpdatesQuerySchema, query);
    const recording = this.ready(found);
    if (to > recording.durationMs) throw RecordingError.outOfRange('to', recording.durationMs);
    return encodeRecordedUpdates(await this.repository.updatesBetween(session.id, from, to));
  }

  /** "Retry" (rule V2): the interviewer's, and only for a failed build. */
  async retry(actor: InterviewActor, session: InterviewSessionRow): Promise<RecordingView> {
    if (actor.role !== 'interviewer') throw RecordingError.interviewerOnly();
    await this.recordingOf(session);
    if (!(await this.repository.requeueFailed(session.id))) throw RecordingError.notFailed();
    await this.enqueue(session.id, (jobs) => jobs.retry(session.id));
    void this.push(session.id);
    return this.view(actor, session);
  }

  /** The build starts once every edit the room accepted before the end is in the log it reads (rule V1). */
  private async requested(sessionId: string): Promise<void> {
    await this.push(sessionId);
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

  /** `recording:status` to the session's sockets on this server, each with what its viewer may see (rule V7). */
  private push(sessionId: string): Promise<void> {
    const next = (this.pushes.get(sessionId) ?? Promise.resolve()).then(() => this.pushNow(sessionId));
    this.pushes.set(sessionId, next);
    void next.finally(() => {
      if (this.pushes.get(sessionId) === next) this.pushes.delete(sessionId);
    });
    return next;
  }

  private async pushNow(sessionId: string): Promise<void> {
    try {
      const recording = await this.repository.find(sessionId);
      if (!recording) return;
      const [released, later] = await Promise.all([this.timeline.isScorecardReleased(sessionId), this.laterMarkers(recording)]);
      const views = new Map<ParticipantRole, RecordingView>();
      await this.room.emitEach(sessionId, 'recording:status', ({ role }) => {
        const view = views.get(role) ?? this.viewOf(recording, later, role, released);
        views.set(role, view);
        return view;
      });
    } catch (error) {
      this.logger.warn(`Could not push the recording status of ${sessionId}: ${describeError(error)}`);
    }
  }

  /** Markers of events written after the build read the timeline: quick notes and chat after the end. */
  private async laterMarkers(recording: RecordingRow): Promise<StoredMarker[]> {
    if (recording.status !== 'ready' || !recording.startedAt) return [];
    const events = await this.timeline.list(recording.sessionId, ['all', 'interviewer'], MARKER_EVENT_TYPES);
    return recordingMarkers(
      events.filter((event) => event.seq > recording.timelineSeq),
      recording.startedAt,
      recording.durationMs,
    );
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

  private ready<R extends Pick<RecordingRow, 'status'>>(recording: R): R {
    if (recording.status !== 'ready') throw RecordingError.notReady(recording.status);
    return recording;
  }

  private async candidateMaySeeNotes(actor: InterviewActor, session: InterviewSessionRow): Promise<boolean> {
    return actor.role === 'candidate' && (await this.timeline.isScorecardReleased(session.id));
  }

  /** Rubric-note markers only for the interviewer, and for the candidate once the scorecard is released (rule V4). */
  private viewOf(recording: RecordingRow, later: readonly StoredMarker[], role: ParticipantRole, released: boolean): RecordingView {
    const visible = new Set<string>(visibilitiesFor(role, role === 'candidate' && released));
    const markers = [...(recording.markers as StoredMarker[]), ...later]
      .filter((marker) => visible.has(marker.visibility))
      .map(({ visibility: _visibility, ...marker }) => marker as RecordingMarker);
    return {
      sessionId: recording.sessionId,
      status: recording.status,
      progress: recording.progress,
      ...(recording.status === 'failed' && recording.error ? { error: recording.error } : {}),
      durationMs: recording.durationMs,
      startedAt: recording.startedAt?.toISOString() ?? null,
      steps: recording.steps as RecordingStepSegment[],
      markers,
      stats: (recording.stats as RecordingStats | null) ?? null,
      participants: recording.participants as RecordingParticipant[],
      canRetry: role === 'interviewer' && recording.status === 'failed',
    };
  }
}
