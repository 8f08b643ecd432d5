import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module';
import { RoomModule } from '../room/room.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ChatService } from './chat.service';
import { InterviewRoomFeature } from './interview-room.feature';
import { InterviewController } from './interview.controller';
import { InterviewService } from './interview.service';
import { SessionTimelineRepository } from './session-timeline.repository';

/** Running the interview: the clock and agenda, the guide, chat and the session timeline. */
@Module({
  imports: [SessionsModule, ProblemsModule, RoomModule],
  controllers: [InterviewController],
  providers: [InterviewService, ChatService, SessionTimelineRepository, InterviewRoomFeature],
  exports: [InterviewService, SessionTimelineRepository],
})
export class InterviewModule {}
