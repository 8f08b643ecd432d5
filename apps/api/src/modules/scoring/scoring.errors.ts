import { ApiError } from '../../core/errors/api-error';

type ScoringErrorCode = 'forbidden' | 'conflict';

export class ScoringError extends ApiError<ScoringErrorCode> {
  static interviewerOnly(): ScoringError {
    return new ScoringError('forbidden', 'Only the interviewer can do that');
  }
  static candidateOnly(): ScoringError {
    return new ScoringError('forbidden', 'Only the candidate rates the interviewer');
  }
  /** Said the same way whatever the scorecard holds, so a refusal tells nothing of it. */
  static notReleased(): ScoringError {
    return new ScoringError('forbidden', 'The scorecard has not been released to you');
  }
  static observers(): ScoringError {
    return new ScoringError('forbidden', 'Scorecards are for the interviewer and the candidate only');
  }
  static conflict(message: string): ScoringError {
    return new ScoringError('conflict', message);
  }
}
