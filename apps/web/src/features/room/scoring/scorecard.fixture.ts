import { STEP_IDS } from '@mockboard/interview';
import type { Scorecard } from '@mockboard/protocol';

/** For specs: a scorecard as the server answers it before anything is saved, with the fields a test sets. */
export function scorecardFixture(overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    sessionId: 's1',
    status: 'draft',
    steps: STEP_IDS.map((step) => ({ step, score: null, signals: [], notes: '' })),
    recommendation: null,
    strengths: '',
    improvements: '',
    message: '',
    updatedAt: null,
    submittedAt: null,
    releasedAt: null,
    ...overrides,
  };
}
