import type { FrameworkStepId } from '@mockboard/interview';
import { z } from 'zod';

/**
 * A session's recording (docs/protocol.md, rules V1-V8): built by the worker from the update log and the
 * timeline once the session ends. Times are `atMs`, milliseconds since `started`, pauses included.
 */
export const RECORDING_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

export const RECORDING_MARKER_TYPES = ['chat', 'clarification', 'rubric_note'] as const;
export type RecordingMarkerType = (typeof RECORDING_MARKER_TYPES)[number];

interface MarkerBase {
  atMs: number;
  /** The timeline event's seq: a stable id for the marker. */
  seq: number;
  userId: string | null;
}

export type RecordingMarker =
  | (MarkerBase & { type: 'chat'; displayName: string; text: string })
  | (MarkerBase & { type: 'clarification'; clarificationId: string; question: string; answer: string })
  | (MarkerBase & { type: 'rubric_note'; step: FrameworkStepId | null; text: string });

/** One stretch of the session spent on a step; a step revisited has several. */
export interface RecordingStepSegment {
  step: FrameworkStepId;
  startMs: number;
  endMs: number;
}

/** What one participant did, overall or during one step. */
export interface RecordingActivity {
  userId: string;
  /** Document updates they sent. */
  edits: number;
  /** Whiteboard elements that first appeared in one of their updates. */
  elementsCreated: number;
}

export interface RecordingStepStats {
  step: FrameworkStepId;
  /** Time on the step while the clock ran (pauses left out), against the step's budget. */
  spentMs: number;
  budgetMs: number;
  activity: RecordingActivity[];
}

export interface RecordingStats {
  steps: RecordingStepStats[];
  participants: RecordingActivity[];
  /** Edits per participant in each minute of the session, for an activity chart. */
  editsPerMinute: Array<{ userId: string; counts: number[] }>;
  pauses: Array<{ startMs: number; endMs: number }>;
  /** Stretches of at least `IDLE_GAP_MS` with neither an edit nor a timeline event: "skip idle gaps" jumps them. */
  idleGaps: Array<{ startMs: number; endMs: number }>;
  updates: number;
  keyframes: number;
  /** Bytes of the update log the recording indexes, and bytes the recording adds (keyframes and index). */
  logBytes: number;
  recordingBytes: number;
}

export interface RecordingParticipant {
  userId: string;
  displayName: string;
  role: 'interviewer' | 'candidate' | 'observer';
  /** The Yjs client ids their edits carried: the player tells who drew an element from its item's client. */
  clientIds: number[];
}

/** `GET /api/sessions/:id/recording`, and the body of the room event `recording:status`. */
export interface RecordingView {
  sessionId: string;
  status: RecordingStatus;
  /** 0..100; 100 once ready. */
  progress: number;
  /** Why the build failed, when `status` is `failed`. */
  error?: string;
  durationMs: number;
  /** ISO time of `started`; null for a session ended before it started. */
  startedAt: string | null;
  steps: RecordingStepSegment[];
  /** Only those the viewer may see (rule V4). */
  markers: RecordingMarker[];
  stats: RecordingStats | null;
  participants: RecordingParticipant[];
  /** Whether the viewer may press "Retry" (the interviewer, when the build failed). */
  canRetry: boolean;
}

/** Quiet stretches at least this long are idle gaps. */
export const IDLE_GAP_MS = 10_000;

/** The field's name comes first in the error (`at: must be ...`). */
const msParameter = z.string('must be given once, as a whole number of milliseconds').regex(/^\d{1,10}$/, 'must be a whole number of milliseconds').transform(Number);

/** `GET .../recording/state?at=`; the upper bound (`durationMs`) is checked against the recording. */
export const recordingStateQuerySchema = z.object({ at: msParameter });

/** `GET .../recording/updates?from=&to=`. */
export const recordingUpdatesQuerySchema = z
  .object({ from: msParameter, to: msParameter })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] });
