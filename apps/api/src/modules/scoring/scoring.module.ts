import { Module } from '@nestjs/common';
import { InterviewModule } from '../interview/interview.module';
import { ProblemsModule } from '../problems/problems.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ProgressService } from './progress.service';
import { RubricController } from './rubric.controller';
import { ScorecardsRepository } from './scorecards.repository';
import { ScoringController } from './scoring.controller';
import { ScoringService } from './scoring.service';

/** Scoring: the rubric, the interviewer's scorecard and quick notes, the candidate's feedback, progress. */
@Module({
  imports: [SessionsModule, ProblemsModule, InterviewModule],
  controllers: [ScoringController, RubricController],
  providers: [ScoringService, ProgressService, ScorecardsRepository],
})
export class ScoringModule {}
