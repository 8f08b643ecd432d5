import { Module } from '@nestjs/common';
import { KeyframeCache, RecordingsRepository } from '@mockboard/collab';
import type { Database } from '@mockboard/db';
import { CollabModule } from '../../collab/collab.module';
import { DATABASE } from '../../core/database/database.module';
import { InterviewModule } from '../interview/interview.module';
import { RoomModule } from '../room/room.module';
import { SessionsModule } from '../sessions/sessions.module';
import { RecordingStatusRelay } from './recording-status.relay';
import { RecordingViews } from './recording-views';
import { RecordingsController } from './recordings.controller';
import { RecordingsService } from './recordings.service';

/** A few sessions' worth of keyframes (a 60-minute session's median keyframe is ~150 kB). */
const KEYFRAME_CACHE_BYTES = 64 * 1024 * 1024;

/** Session recordings: requested at the end, built by the worker, replayed on the review page. */
@Module({
  imports: [SessionsModule, InterviewModule, RoomModule, CollabModule],
  controllers: [RecordingsController],
  providers: [
    RecordingsService,
    RecordingViews,
    RecordingStatusRelay,
    // A plain class from libs/collab, shared with the worker: the class itself is the injection token.
    {
      provide: RecordingsRepository,
      inject: [DATABASE],
      useFactory: (database: Database) => new RecordingsRepository(database.db, new KeyframeCache(KEYFRAME_CACHE_BYTES)),
    },
  ],
})
export class RecordingsModule {}
