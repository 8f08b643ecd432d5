import { ApiError } from '../../core/errors/api-error';

type AuthErrorCode = 'unauthorized' | 'email_taken' | 'invalid_credentials' | 'not_a_guest' | 'rate_limited';

export class AuthError extends ApiError<AuthErrorCode> {
  static unauthorized(): AuthError {
    return new AuthError('unauthorized', 'Sign in to continue');
  }
  static emailTaken(): AuthError {
    return new AuthError('email_taken', 'An account with this email already exists');
  }
  static invalidCredentials(): AuthError {
    return new AuthError('invalid_credentials', 'Wrong email or password');
  }
  static notAGuest(): AuthError {
    return new AuthError('not_a_guest', 'This account already has an email and password');
  }
  static tooManyGuests(perHour: number, retryAfterSeconds: number): AuthError {
    return new AuthError(
      'rate_limited',
      `Too many guest accounts from this address (at most ${perHour} an hour): try again later`,
      retryAfterSeconds,
    );
  }
}
