import { Module } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module';
import { AuthModule } from '../auth/auth.module';
import { SessionsModule } from '../sessions/sessions.module';
import { RoomFeatures } from './room-features';
import { RoomGateway } from './room.gateway';
import { RoomMessagesService } from './room-messages.service';
import { RoomParticipants } from './room-participants';

@Module({
  imports: [AuthModule, SessionsModule, CollabModule],
  providers: [RoomGateway, RoomMessagesService, RoomParticipants, RoomFeatures],
  exports: [RoomFeatures, RoomParticipants],
})
export class RoomModule {}
