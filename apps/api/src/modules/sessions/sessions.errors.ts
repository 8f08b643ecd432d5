import { ApiError } from '../../core/errors/api-error';

type SessionErrorCode = 'not_found' | 'forbidden' | 'invalid_body';

export class SessionError extends ApiError<SessionErrorCode> {
  static notFound(): SessionError {
    return new SessionError('not_found', 'No such session');
  }
  static inviteNotFound(): SessionError {
    return new SessionError('not_found', 'This invite link is not valid (it may have been replaced by a new one)');
  }
  static notParticipant(): SessionError {
    return new SessionError('forbidden', 'You are not a participant of this session');
  }
  static interviewerOnly(): SessionError {
    return new SessionError('forbidden', 'Only the interviewer can do that');
  }
  static unknownProblem(slug: string): SessionError {
    return new SessionError('invalid_body', `problemSlug: unknown problem "${slug}"`);
  }
}
