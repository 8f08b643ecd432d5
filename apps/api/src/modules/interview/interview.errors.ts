import { ApiError } from '../../core/errors/api-error';

type InterviewErrorCode = 'forbidden' | 'invalid_body' | 'conflict' | 'rate_limited' | 'not_found';

export class InterviewError extends ApiError<InterviewErrorCode> {
  static interviewerOnly(): InterviewError {
    return new InterviewError('forbidden', 'Only the interviewer can do that');
  }
  static observersRead(): InterviewError {
    return new InterviewError('forbidden', 'Observers read the chat but do not write in it');
  }
  static conflict(message: string): InterviewError {
    return new InterviewError('conflict', message);
  }
  static unknownClarification(id: string): InterviewError {
    return new InterviewError('invalid_body', `clarificationId: this problem has no clarification "${id}"`);
  }
  /** Its author's account, and with it the problem, was deleted. */
  static problemGone(): InterviewError {
    return new InterviewError('not_found', "This session's problem no longer exists");
  }
  static tooFast(): InterviewError {
    return new InterviewError('rate_limited', 'Too many requests: slow down');
  }
}
