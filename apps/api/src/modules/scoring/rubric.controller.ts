import { Controller, Get } from '@nestjs/common';
import { RECOMMENDATIONS, RUBRIC_SIGNALS, SCORE_ANCHORS, STEP_IDS } from '@mockboard/interview';
import type { ProgressResponse, RubricResponse } from '@mockboard/protocol';
import { CurrentAuth } from '../auth/auth.decorators';
import type { Authenticated } from '../auth/auth.service';
import { ProgressService } from './progress.service';

@Controller()
export class RubricController {
  constructor(private readonly progress: ProgressService) {}

  /** The rubric is learning material, not a secret: anyone signed in reads it (rule R1). */
  @Get('rubric')
  rubric(): RubricResponse {
    return {
      steps: STEP_IDS.map((step) => ({ step, signals: [...RUBRIC_SIGNALS[step]] })),
      anchors: { '1': SCORE_ANCHORS[1], '2': SCORE_ANCHORS[2], '3': SCORE_ANCHORS[3], '4': SCORE_ANCHORS[4] },
      recommendations: [...RECOMMENDATIONS],
    };
  }

  @Get('me/progress')
  myProgress(@CurrentAuth() auth: Authenticated): Promise<ProgressResponse> {
    return this.progress.progress(auth.user.id);
  }
}
