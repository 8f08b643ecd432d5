import { ApiRequestError } from '../../../lib/api-client';
import type { FailureKind } from './autosave';

/**
 * How a failed save is handled: retried (no answer, or the server was unwell or busy), locked (409: the
 * card was submitted, R2), or shown (the server refused the draft, e.g. a 400 naming the field).
 */
export function classifySaveFailure(error: unknown): { kind: FailureKind; message: string } {
  if (!(error instanceof ApiRequestError)) return { kind: 'retry', message: 'The save did not go through.' };
  if (error.status === 0 || error.status >= 500 || error.status === 429) return { kind: 'retry', message: error.message };
  if (error.status === 409) return { kind: 'locked', message: error.message };
  return { kind: 'failed', message: error.message };
}
