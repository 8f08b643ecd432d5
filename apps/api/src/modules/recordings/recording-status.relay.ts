import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { RecordingsRepository } from '@mockboard/collab';
import type { AppConfig } from '@mockboard/config';
import { describeError } from '@mockboard/db';
import { RECORDINGS_QUEUE, sessionOfRecordingJob } from '@mockboard/jobs';
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../../core/config/config.module';
import { createRedisConnection } from '../../core/redis/redis-connection';
import { RoomFeatures } from '../room/room-features';
import { RecordingViews } from './recording-views';

/**
 * `recording:status` (rule V7): each status change, made here or by a worker in another process (heard
 * through the queue's events), goes to the session's sockets on this process with what each viewer may see.
 */
@Injectable()
export class RecordingStatusRelay implements OnModuleDestroy {
  private readonly logger = new Logger('Recordings');
  private queueEvents: QueueEvents | undefined;
  private readonly connection: Redis;
  /** Each session's pushes, one after another, so that a later status never arrives before an earlier one. */
  private readonly pushes = new Map<string, Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repository: RecordingsRepository,
    private readonly views: RecordingViews,
    private readonly room: RoomFeatures,
  ) {
    // The queue's events get a client of their own, and start listening only once it is connected: BullMQ's
    // close waits for a connection that never came, which would keep a stopping api alive while Redis is away.
    // Redis being down is reported by the api's shared connection (RedisModule); this one stays quiet.
    this.connection = createRedisConnection({ url: config.redis.url });
    this.connection.once('ready', () => {
      if (this.connection.status === 'ready') this.queueEvents = this.listen(config.redis.prefix);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.queueEvents?.close();
    // BullMQ leaves a client it was given open.
    this.connection.disconnect();
  }

  push(sessionId: string): Promise<void> {
    const next = (this.pushes.get(sessionId) ?? Promise.resolve()).then(() => this.pushNow(sessionId));
    this.pushes.set(sessionId, next);
    void next.finally(() => {
      if (this.pushes.get(sessionId) === next) this.pushes.delete(sessionId);
    });
    return next;
  }

  private listen(prefix: string): QueueEvents {
    const events = new QueueEvents(RECORDINGS_QUEUE, { connection: this.connection, prefix, autorun: true });
    events.on('error', () => undefined);
    for (const event of ['waiting', 'delayed', 'active', 'progress', 'completed', 'failed'] as const) {
      events.on(event, ({ jobId }: { jobId: string }) => {
        const sessionId = sessionOfRecordingJob(jobId);
        if (sessionId) void this.push(sessionId);
      });
    }
    return events;
  }

  private async pushNow(sessionId: string): Promise<void> {
    try {
      const recording = await this.repository.find(sessionId);
      if (!recording) return;
      const viewFor = await this.views.of(recording);
      await this.room.emitEach(sessionId, 'recording:status', ({ role }) => viewFor(role));
    } catch (error) {
      this.logger.warn(`Could not push the recording status of ${sessionId}: ${describeError(error)}`);
    }
  }
}
