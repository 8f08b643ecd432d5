import { describe, expect, it } from '@jest/globals';
import type { RecordingMarker } from '@mockboard/protocol';
import { chatMarkers, countUpTo, sliderKeyTarget, markerLabel, percentOf, placeMarkers, placeSegments, segmentAt } from './timeline-layout';

const note = (atMs: number, seq: number, text = 'note'): RecordingMarker => ({ type: 'rubric_note', atMs, seq, userId: 'u1', step: null, text });

describe('timeline layout', () => {
  it('places step segments by their share of the session and names them as the agenda does', () => {
    const placed = placeSegments(
      [
        { step: 'requirements', startMs: 0, endMs: 25_000 },
        { step: 'framing', startMs: 25_000, endMs: 25_000 },
        { step: 'data', startMs: 25_000, endMs: 100_000 },
      ],
      100_000,
    );
    expect(placed.map((s) => [s.title, s.leftPct, s.widthPct])).toEqual([
      ['1. Clarify requirements', 0, 25],
      ['3. Data preparation', 25, 75],
    ]);
  });

  it('keeps percentages inside the bar, and at 0 for a session with no duration', () => {
    expect(percentOf(150, 100)).toBe(100);
    expect(percentOf(-5, 100)).toBe(0);
    expect(percentOf(10, 0)).toBe(0);
  });

  it('puts markers too close together on separate rows, in time order, and crowds the last row when all are taken', () => {
    const placed = placeMarkers([note(50_000, 3), note(0, 1), note(500, 2), note(1_000, 4), note(1_200, 5)], 100_000);
    expect(placed.map((p) => [p.marker.seq, p.lane])).toEqual([
      [1, 0],
      [2, 1],
      [4, 2],
      [5, 2],
      [3, 0],
    ]);
  });

  it('names each kind of marker with its moment and words', () => {
    expect(markerLabel(note(83_000, 1, 'Strong opening'))).toBe('Rubric note at 01:23: Strong opening');
    expect(markerLabel({ type: 'chat', atMs: 5_000, seq: 2, userId: 'u2', displayName: 'Cam', text: 'hi' })).toBe('Chat message at 00:05 from Cam: hi');
    expect(markerLabel({ type: 'clarification', atMs: 61_000, seq: 3, userId: null, clarificationId: 'c', question: 'How many users?', answer: '1B' })).toBe(
      'Clarification at 01:01: How many users?',
    );
  });

  it('finds the step under the playhead, the last one still at the very end', () => {
    const steps = [
      { step: 'requirements', startMs: 0, endMs: 10 },
      { step: 'framing', startMs: 10, endMs: 20 },
    ] as const;
    expect(segmentAt(steps, 10)?.step).toBe('framing');
    expect(segmentAt(steps, 20)?.step).toBe('framing');
    expect(segmentAt(steps, 25)).toBeUndefined();
  });
});

describe('the chat so far', () => {
  it('keeps chat markers in time order and counts those at or before the playhead', () => {
    const chat = (atMs: number, seq: number): RecordingMarker => ({ type: 'chat', atMs, seq, userId: 'u', displayName: 'Cam', text: String(seq) });
    const sorted = chatMarkers([chat(3_000, 3), note(1_000, 1), chat(1_000, 2), chat(1_000, 0)]);
    expect(sorted.map((m) => m.seq)).toEqual([0, 2, 3]);
    expect([0, 999, 1_000, 2_999, 3_000, 9_000].map((at) => countUpTo(sorted, at))).toEqual([0, 0, 2, 2, 3, 3]);
  });
});

describe('sliderKeyTarget', () => {
  it('moves by whole seconds with the arrows, by 30 s with the page keys, to the ends with Home and End, within the recording', () => {
    const at = (key: string, positionMs: number) => sliderKeyTarget(key, positionMs, 65_500);
    expect([at('ArrowRight', 0), at('ArrowRight', 12_400), at('ArrowUp', 65_200)]).toEqual([1_000, 13_000, 65_500]);
    expect([at('ArrowLeft', 12_400), at('ArrowLeft', 12_000), at('ArrowDown', 500), at('ArrowLeft', 0)]).toEqual([12_000, 11_000, 0, 0]);
    expect([at('PageUp', 50_000), at('PageDown', 20_000), at('Home', 30_000), at('End', 0)]).toEqual([65_500, 0, 0, 65_500]);
    expect(at('a', 1_000)).toBeNull();
  });
});
