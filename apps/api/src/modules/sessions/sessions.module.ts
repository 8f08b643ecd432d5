import { Module } from '@nestjs/common';
import { SessionLimits } from './session-limits.service';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [SessionsService, SessionsRepository, SessionLimits],
  exports: [SessionsService],
})
export class SessionsModule {}
