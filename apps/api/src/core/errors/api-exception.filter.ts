import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { describeErrorWithStack } from '@mockboard/db';
import type { ApiErrorBody, ApiErrorCode } from '@mockboard/protocol';
import type { Response } from 'express';
import { ApiError } from './api-error';
import { httpStatusFor } from './http-status';

/** Turns anything thrown by an HTTP handler into `{ error: { code, message } }` with the right status. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.translate(exception);
    if (status >= 500) this.logger.error(describeErrorWithStack(exception));
    if (exception instanceof ApiError && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    // Always JSON, whatever the route had set for its success (scorecard.md's `@Header('content-type', 'text/markdown')`).
    response.status(status).type('application/json').json(body);
  }

  private translate(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof ApiError) {
      return { status: httpStatusFor(exception.code), body: errorBody(exception.code, exception.message) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, body: errorBody(codeForStatus(status), messageOf(exception)) };
    }
    return { status: 500, body: errorBody('internal', 'Something went wrong on our side') };
  }
}

export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case HttpStatus.BAD_REQUEST:
      return 'invalid_body';
    case HttpStatus.UNAUTHORIZED:
      return 'unauthorized';
    case HttpStatus.FORBIDDEN:
      return 'forbidden';
    case HttpStatus.NOT_FOUND:
      return 'not_found';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'payload_too_large';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'rate_limited';
    default:
      return 'internal';
  }
}

function messageOf(exception: HttpException): string {
  if (exception.getStatus() === HttpStatus.NOT_FOUND) return 'No such route';
  if (exception.getStatus() === HttpStatus.TOO_MANY_REQUESTS) return 'Too many attempts: wait a minute and try again';
  return exception.message;
}
