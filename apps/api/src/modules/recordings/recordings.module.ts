import { Module } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module';
import { InterviewModule } from '../interview/interview.module';
import { RoomModule } from '../room/room.module';
import { SessionsModule } from '../sessions/sessions.module';
import { RecordingsController } from './recordings.controller';
import { RecordingsService } from './recordings.service';

/** Session recordings: requested at the end, built by the worker, replayed on the review page. */
@Module({
  imports: [SessionsModule, InterviewModule, RoomModule, CollabModule],
  controllers: [RecordingsController],
  providers: [RecordingsService],
})
export class RecordingsModule {}
