import type { RecordingMarker, RecordingStepSegment } from '@mockboard/protocol';
import { memo, useMemo } from 'react';
import { STEP_COLOURS } from '../../progress/step-colours';
import { numberedStepTitle } from '../../scorecard/scorecard-format';
import { markerLabel, momentText, placeMarkers, placeSegments, segmentAt, sliderKeyTarget } from '../player/timeline-layout';

interface ScrubberProps {
  positionMs: number;
  durationMs: number;
  steps: readonly RecordingStepSegment[];
  markers: readonly RecordingMarker[];
  onSeek: (atMs: number) => void;
}

/**
 * The session along one bar: the steps as coloured, named segments, the markers above it as buttons, and a
 * native range input on top as the accessible slider ("Session time"), moved by drag, click or keyboard.
 */
export function Scrubber({ positionMs, durationMs, steps, markers, onSeek }: ScrubberProps) {
  const current = segmentAt(steps, positionMs);
  const valueText = `${momentText(positionMs)} of ${momentText(durationMs)}${current ? `, ${numberedStepTitle(current.step)}` : ''}`;
  return (
    <div className="scrubber">
      <MarkerStrip markers={markers} durationMs={durationMs} onSeek={onSeek} />
      <div className="scrubber__band">
        <StepSegments steps={steps} durationMs={durationMs} onSeek={onSeek} />
        <span className="scrubber__playhead" style={{ left: `${String(durationMs > 0 ? (positionMs / durationMs) * 100 : 0)}%` }} aria-hidden="true" />
      </div>
      <input
        className="scrubber__input"
        type="range"
        aria-label="Session time"
        aria-valuetext={valueText}
        aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
        min={0}
        max={durationMs}
        // Any value, so the thumb sits exactly under the playhead; the keys get their steps from onKeyDown.
        step="any"
        value={positionMs}
        onChange={(event) => onSeek(Number(event.target.value))}
        onKeyDown={(event) => {
          const target = sliderKeyTarget(event.key, positionMs, durationMs);
          if (target === null) return;
          event.preventDefault();
          onSeek(target);
        }}
        disabled={durationMs === 0}
      />
      <MarkerKey markers={markers} />
    </div>
  );
}

const StepSegments = memo(function StepSegments({ steps, durationMs, onSeek }: Pick<ScrubberProps, 'steps' | 'durationMs' | 'onSeek'>) {
  const segments = useMemo(() => placeSegments(steps, durationMs), [steps, durationMs]);
  return (
    <ol className="scrubber__steps" aria-label="Steps">
      {segments.map((segment) => (
        <li key={`${segment.step}-${String(segment.startMs)}`} style={{ left: `${String(segment.leftPct)}%`, width: `${String(segment.widthPct)}%` }}>
          <button
            type="button"
            className="scrubber__step"
            style={{ background: STEP_COLOURS[segment.step] }}
            title={`${segment.title} (${momentText(segment.startMs)}–${momentText(segment.endMs)})`}
            aria-label={`${segment.title}, from ${momentText(segment.startMs)} to ${momentText(segment.endMs)}`}
            onClick={() => onSeek(segment.startMs)}
          >
            <span className="scrubber__step-name" aria-hidden="true">
              {segment.title}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
});

const MarkerStrip = memo(function MarkerStrip({ markers, durationMs, onSeek }: Pick<ScrubberProps, 'markers' | 'durationMs' | 'onSeek'>) {
  const placed = useMemo(() => placeMarkers(markers, durationMs), [markers, durationMs]);
  if (placed.length === 0) return null;
  return (
    <ol className="scrubber__markers" aria-label="Moments">
      {placed.map(({ marker, leftPct, lane }) => {
        const label = markerLabel(marker);
        return (
          <li key={marker.seq} style={{ left: `${String(leftPct)}%`, top: `${String(lane * 14)}px` }}>
            <button type="button" className={`scrubber__marker scrubber__marker--${marker.type}`} aria-label={label} title={label} onClick={() => onSeek(marker.atMs)} />
          </li>
        );
      })}
    </ol>
  );
});

const MARKER_KINDS = [
  { type: 'chat', name: 'Chat' },
  { type: 'clarification', name: 'Clarification' },
  { type: 'rubric_note', name: 'Rubric note' },
] as const;

/** The key to the markers' shapes and colours, for the kinds this recording has. */
function MarkerKey({ markers }: Pick<ScrubberProps, 'markers'>) {
  const kinds = MARKER_KINDS.filter((kind) => markers.some((m) => m.type === kind.type));
  if (kinds.length === 0) return null;
  return (
    <ul className="scrubber__key" aria-hidden="true">
      {kinds.map((kind) => (
        <li key={kind.type}>
          <span className={`scrubber__marker scrubber__marker--${kind.type}`} />
          {kind.name}
        </li>
      ))}
    </ul>
  );
}
