import { Module } from '@nestjs/common';
import { CustomProblemsRepository } from './custom-problems.repository';
import { ProblemsController } from './problems.controller';
import { ProblemsService } from './problems.service';

@Module({
  controllers: [ProblemsController],
  providers: [ProblemsService, CustomProblemsRepository],
  exports: [ProblemsService],
})
export class ProblemsModule {}
