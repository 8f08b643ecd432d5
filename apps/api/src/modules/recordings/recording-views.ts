import { Injectable } from '@nestjs/common';
import { recordingMarkers, type StoredMarker } from '@mockboard/collab';
import type { RecordingRow } from '@mockboard/db';
import type {
  ParticipantRole,
  RecordingMarker,
  RecordingParticipant,
  RecordingStats,
  RecordingStepSegment,
  RecordingView,
} from '@mockboard/protocol';
import { visibilitiesFor } from '../interview/interview-actor';
import { SessionTimelineRepository } from '../interview/session-timeline.repository';

/** Timeline events that are markers: those after the build are added when the recording is read. */
const MARKER_EVENT_TYPES = ['chat', 'clarification_revealed', 'rubric_note'] as const;

/** A stored recording as each role may see it (rules V3, V4), for the route and for the room's pushes alike. */
@Injectable()
export class RecordingViews {
  constructor(private readonly timeline: SessionTimelineRepository) {}

  /** A function from role to view: what the roles share (the release, later markers) is read once. */
  async of(recording: RecordingRow): Promise<(role: ParticipantRole) => RecordingView> {
    const [released, later] = await Promise.all([this.timeline.isScorecardReleased(recording.sessionId), this.laterMarkers(recording)]);
    const views = new Map<ParticipantRole, RecordingView>();
    return (role) => {
      const view = views.get(role) ?? viewFor(recording, later, role, released);
      views.set(role, view);
      return view;
    };
  }

  /** Markers of events written after the build read the timeline: quick notes and chat after the end. */
  private async laterMarkers(recording: RecordingRow): Promise<StoredMarker[]> {
    if (recording.status !== 'ready' || !recording.startedAt) return [];
    const events = await this.timeline.list(recording.sessionId, ['all', 'interviewer'], MARKER_EVENT_TYPES);
    return recordingMarkers(
      events.filter((event) => event.seq > recording.timelineSeq),
      recording.startedAt,
      recording.durationMs,
    );
  }
}

/** Rubric-note markers only for the interviewer, and for the candidate once the scorecard is released (rule V4). */
function viewFor(recording: RecordingRow, later: readonly StoredMarker[], role: ParticipantRole, released: boolean): RecordingView {
  const visible = new Set<string>(visibilitiesFor(role, role === 'candidate' && released));
  const markers = [...(recording.markers as StoredMarker[]), ...later]
    .filter((marker) => visible.has(marker.visibility))
    .map(({ visibility: _visibility, ...marker }) => marker as RecordingMarker);
  return {
    sessionId: recording.sessionId,
    status: recording.status,
    progress: recording.progress,
    ...(recording.status === 'failed' && recording.error ? { error: recording.error } : {}),
    durationMs: recording.durationMs,
    startedAt: recording.startedAt?.toISOString() ?? null,
    steps: recording.steps as RecordingStepSegment[],
    markers,
    stats: (recording.stats as RecordingStats | null) ?? null,
    participants: recording.participants as RecordingParticipant[],
    canRetry: role === 'interviewer' && recording.status === 'failed',
  };
}
