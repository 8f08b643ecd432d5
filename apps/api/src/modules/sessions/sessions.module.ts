import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module';
import { SessionLimits } from './session-limits.service';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [ProblemsModule],
  controllers: [SessionsController],
  providers: [SessionsService, SessionsRepository, SessionLimits],
  exports: [SessionsService],
})
export class SessionsModule {}
