export { checkUpdate, isValidStateVector, knownClocks, knownContentOf, type KnownContent, type UpdateCheck, type UpdateRefusal } from './update-check';
export { loadStoredDocument, type StoredDocument } from './stored-document';
export { UpdateLogRepository, type LoggedUpdate, type LogRow, type SetAside, type Snapshot } from './update-log.repository';
export {
  buildRecording,
  KEYFRAME_EVERY_MS,
  KEYFRAME_EVERY_UPDATES,
  recordingMarkers,
  type BuiltRecording,
  type RecordingInputs,
  type RecordingLogRow,
  type RecordingTimelineRow,
  type StoredMarker,
} from './recording/recording-builder';
export { KeyframeCache } from './recording/keyframe-cache';
export { RecordingsRepository } from './recording/recordings.repository';
