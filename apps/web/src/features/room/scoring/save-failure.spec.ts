import { describe, expect, it } from '@jest/globals';
import { ApiRequestError } from '../../../lib/api-client';
import { classifySaveFailure } from './save-failure';

describe('classifySaveFailure', () => {
  it.each([
    ['no answer at all', new ApiRequestError(0, 'network', 'offline'), 'retry'],
    ['a server error', new ApiRequestError(502, 'internal', 'bad gateway'), 'retry'],
    ['a rate limit', new ApiRequestError(429, 'rate_limited', 'slow down'), 'retry'],
    ['something thrown that is not an answer', new TypeError('x'), 'retry'],
    ['a submitted card', new ApiRequestError(409, 'conflict', 'The scorecard is submitted'), 'locked'],
    ['a refused draft', new ApiRequestError(400, 'invalid_body', 'steps.0.notes: must be text'), 'failed'],
    ['a lost seat', new ApiRequestError(403, 'forbidden', 'Only the interviewer'), 'failed'],
  ])('%s: %s', (_name, error, kind) => {
    expect(classifySaveFailure(error).kind).toBe(kind);
  });

  it('keeps the server’s words for a refusal', () => {
    expect(classifySaveFailure(new ApiRequestError(400, 'invalid_body', 'steps.0.notes: too long')).message).toBe('steps.0.notes: too long');
  });
});
