import type { ApiErrorCode } from '@mockboard/protocol';

/**
 * Base for every domain error. Domains subclass it with their own narrower code union; the HTTP filter
 * is the one place that turns a code into a status.
 */
export class ApiError<C extends ApiErrorCode = ApiErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** For limits that reset with time: sent as `Retry-After` so clients know when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
