import { ApiError } from '../../core/errors/api-error';

type RecordingErrorCode = 'forbidden' | 'invalid_body' | 'conflict' | 'not_found' | 'rate_limited';

export class RecordingError extends ApiError<RecordingErrorCode> {
  /** Before the end there is no recording (rule V3). */
  static notEnded(): RecordingError {
    return new RecordingError('not_found', 'The session has not ended: its recording starts when it does');
  }
  static notReady(status: string): RecordingError {
    return new RecordingError('conflict', `The recording is not ready (it is ${status})`);
  }
  static outOfRange(name: string, durationMs: number): RecordingError {
    return new RecordingError('invalid_body', `${name} must be between 0 and ${durationMs}, the recording's length in milliseconds`);
  }
  static tooFast(retryAfterSeconds: number): RecordingError {
    return new RecordingError('rate_limited', 'Too many reads of the recording: slow down', retryAfterSeconds);
  }
  static interviewerOnly(): RecordingError {
    return new RecordingError('forbidden', 'Only the interviewer can retry the recording');
  }
  static notFailed(): RecordingError {
    return new RecordingError('conflict', 'Only a failed recording can be retried');
  }
}
