import type { ApiErrorCode } from '@mockboard/protocol';

export function httpStatusFor(code: ApiErrorCode): number {
  switch (code) {
    case 'invalid_body':
      return 400;
    case 'unauthorized':
    case 'invalid_credentials':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'email_taken':
    case 'not_a_guest':
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
    default:
      return assertUnreachable(code);
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
