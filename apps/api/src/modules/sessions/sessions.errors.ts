import { ApiError } from '../../core/errors/api-error';

type SessionErrorCode = 'not_found' | 'forbidden' | 'invalid_body' | 'rate_limited' | 'conflict';

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
  static notParticipantOf(): SessionError {
    return new SessionError('not_found', 'That person is not a participant of this session');
  }
  static seatedOnly(): SessionError {
    return new SessionError('forbidden', 'Only the interviewer and the candidate can do that');
  }
  static conflict(message: string): SessionError {
    return new SessionError('conflict', message);
  }
  static interviewerOnly(): SessionError {
    return new SessionError('forbidden', 'Only the interviewer can do that');
  }
  static unknownProblem(slug: string): SessionError {
    return new SessionError('invalid_body', `problemSlug: unknown problem "${slug}"`);
  }
  static tooManySessions(perHour: number, retryAfterSeconds: number): SessionError {
    return new SessionError('rate_limited', `You can create at most ${perHour} sessions an hour: try again later`, retryAfterSeconds);
  }
  static tooManyInviteFailures(perHour: number, retryAfterSeconds: number): SessionError {
    return new SessionError(
      'rate_limited',
      `Too many joins with a wrong invite code from this address (at most ${perHour} an hour): try again later`,
      retryAfterSeconds,
    );
  }
  /** No Retry-After: a place frees up only when the interviewer removes someone, which waiting does not do. */
  static full(maxObservers: number): SessionError {
    return new SessionError('rate_limited', `This session is full: it already has ${maxObservers} observers`);
  }
}
