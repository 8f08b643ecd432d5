import type { RecordingMarker, RecordingStepSegment } from '@mockboard/protocol';
import { formatSessionTime, numberedStepTitle } from '../../scorecard/scorecard-format';

/** Where a stretch of time or a moment sits along the scrubber, in percent of its width. */
export interface PlacedSegment extends RecordingStepSegment {
  title: string;
  leftPct: number;
  widthPct: number;
}

export interface PlacedMarker {
  marker: RecordingMarker;
  leftPct: number;
  /** Row of the marker strip: markers too close to sit side by side go on separate rows. */
  lane: number;
}

/** Two markers closer than this (percent of the width) would overlap on one row. */
const MARKER_MIN_GAP_PCT = 2;
const MARKER_LANES = 3;

export function percentOf(atMs: number, durationMs: number): number {
  if (durationMs <= 0) return 0;
  return Math.min(100, Math.max(0, (atMs / durationMs) * 100));
}

/** The step segments along the scrubber; zero-length ones (a step skipped through) are left out. */
export function placeSegments(steps: readonly RecordingStepSegment[], durationMs: number): PlacedSegment[] {
  return steps
    .filter((segment) => segment.endMs > segment.startMs)
    .map((segment) => {
      const leftPct = percentOf(segment.startMs, durationMs);
      return { ...segment, title: numberedStepTitle(segment.step), leftPct, widthPct: percentOf(segment.endMs, durationMs) - leftPct };
    });
}

/**
 * Markers in time order, each on the first row where it keeps its distance from the one before it; when
 * every row is taken they share the last, since a marker is better crowded than missing.
 */
export function placeMarkers(markers: readonly RecordingMarker[], durationMs: number): PlacedMarker[] {
  const lastOnLane: number[] = [];
  return [...markers]
    .sort((a, b) => a.atMs - b.atMs || a.seq - b.seq)
    .map((marker) => {
      const leftPct = percentOf(marker.atMs, durationMs);
      let lane = lastOnLane.findIndex((last) => leftPct - last >= MARKER_MIN_GAP_PCT);
      if (lane < 0) lane = lastOnLane.length < MARKER_LANES ? lastOnLane.length : MARKER_LANES - 1;
      lastOnLane[lane] = leftPct;
      return { marker, leftPct, lane };
    });
}

export function momentText(atMs: number): string {
  return formatSessionTime(atMs) ?? '00:00';
}

const KIND_NAMES = { chat: 'Chat message', clarification: 'Clarification', rubric_note: 'Rubric note' } as const;

/** A marker's accessible name: what it is, when, and what it says ("Rubric note at 01:23: Strong opening"). */
export function markerLabel(marker: RecordingMarker): string {
  const head = `${KIND_NAMES[marker.type]} at ${momentText(marker.atMs)}`;
  switch (marker.type) {
    case 'chat':
      return `${head} from ${marker.displayName}: ${marker.text}`;
    case 'clarification':
      return `${head}: ${marker.question}`;
    case 'rubric_note':
      return `${head}: ${marker.text}`;
  }
}

/** The step the playhead is in, if any. */
export function segmentAt(segments: readonly RecordingStepSegment[], atMs: number): RecordingStepSegment | undefined {
  return segments.find((segment) => atMs >= segment.startMs && atMs < segment.endMs) ?? segments.find((segment) => atMs === segment.endMs);
}

export type ChatMarker = Extract<RecordingMarker, { type: 'chat' }>;

/** The chat markers in time order: the chat panel shows a prefix of them. */
export function chatMarkers(markers: readonly RecordingMarker[]): ChatMarker[] {
  return markers.filter((m): m is ChatMarker => m.type === 'chat').sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
}

/** How many of `sorted` (in time order) are at or before `atMs`. */
export function countUpTo(sorted: readonly { atMs: number }[], atMs: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle]?.atMs ?? Infinity) <= atMs) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The slider's keys: a second per arrow, 30 s per page, the ends; null for any other key. */
export function sliderKeyTarget(key: string, positionMs: number, durationMs: number): number | null {
  const second = Math.floor(positionMs / 1000) * 1000;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      // From 12.4 s one step back is 12 s, as if the slider moved in whole seconds.
      return Math.max(0, second === positionMs ? second - 1000 : second);
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(durationMs, second + 1000);
    case 'PageDown':
      return Math.max(0, positionMs - 30_000);
    case 'PageUp':
      return Math.min(durationMs, positionMs + 30_000);
    case 'Home':
      return 0;
    case 'End':
      return durationMs;
    default:
      return null;
  }
}
