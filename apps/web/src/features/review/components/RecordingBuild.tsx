import type { RecordingView } from '@mockboard/protocol';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { useRetryRecording } from '../hooks/use-recording';

/** While the worker builds the recording: its progress, live; or why it failed, with "Retry" for the interviewer. */
export function RecordingBuild({ recording }: { recording: RecordingView }) {
  const retry = useRetryRecording(recording.sessionId);
  if (recording.status === 'failed') {
    return (
      <section className="card recording-build" aria-labelledby="recording-build-title">
        <h2 className="recording-build__title" id="recording-build-title">
          The recording could not be built
        </h2>
        <p className="recording-build__text">{recording.error ?? 'The worker gave up after several tries.'}</p>
        {recording.canRetry ? (
          <Button pending={retry.isPending} onClick={() => retry.mutate()}>
            Retry
          </Button>
        ) : (
          <p className="recording-build__text">The interviewer can start it again from this page.</p>
        )}
        {retry.isError && <Alert tone="danger">{retry.error.message}</Alert>}
      </section>
    );
  }
  const label = recording.status === 'queued' ? 'Waiting for the worker…' : 'Building the recording…';
  return (
    <section className="card recording-build" aria-labelledby="recording-build-title">
      <h2 className="recording-build__title" id="recording-build-title">
        Preparing the recording
      </h2>
      <p className="recording-build__text">{label}</p>
      <div
        className="recording-build__bar"
        role="progressbar"
        aria-label="Recording progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={recording.progress}
        aria-valuetext={`${String(recording.progress)}%`}
      >
        <span style={{ width: `${String(recording.progress)}%` }} />
      </div>
    </section>
  );
}
