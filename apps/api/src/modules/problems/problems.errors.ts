import { ApiError } from '../../core/errors/api-error';

type ProblemErrorCode = 'not_found' | 'forbidden';

export class ProblemError extends ApiError<ProblemErrorCode> {
  /** Also the answer for another user's private problem: its existence is nobody else's business. */
  static notFound(slug: string): ProblemError {
    return new ProblemError('not_found', `No problem "${slug}"`);
  }
  static guest(): ProblemError {
    return new ProblemError('forbidden', 'Guests cannot write problems: save your account first');
  }
}
