import { describe, expect, it } from '@jest/globals';
import { averageOfSteps, formatAverage, formatSessionTime, markText, numberedStepTitle, sortNotes } from './scorecard-format';

describe('formatSessionTime', () => {
  it('reads mm:ss, rounding down to the second, with minutes past 59', () => {
    expect(formatSessionTime(0)).toBe('00:00');
    expect(formatSessionTime(59_999)).toBe('00:59');
    expect(formatSessionTime(125_400)).toBe('02:05');
    expect(formatSessionTime(3_690_000)).toBe('61:30');
  });

  it('has no time for a note written before the start', () => {
    expect(formatSessionTime(null)).toBeNull();
  });
});

describe('averageOfSteps', () => {
  it('averages the scored steps only', () => {
    expect(averageOfSteps([{ score: 3 }, { score: 'not_covered' }, { score: 2 }, { score: null }])).toBe(2.5);
  });

  it('is null when no step has a score', () => {
    expect(averageOfSteps([{ score: 'not_covered' }, { score: null }])).toBeNull();
    expect(averageOfSteps([])).toBeNull();
  });
});

describe('formatAverage', () => {
  it('keeps one decimal', () => {
    expect(formatAverage(3)).toBe('3.0');
    expect(formatAverage(2.857)).toBe('2.9');
    expect(formatAverage(2.25)).toBe('2.3');
  });
});

describe('markText', () => {
  it('gives a score with its anchor, and words for the two other marks', () => {
    expect(markText(3)).toEqual({ value: '3 / 4', meaning: expect.stringMatching(/^Solid/) });
    expect(markText('not_covered').value).toBe('Not covered');
    expect(markText(null).value).toBe('Not scored');
  });
});

describe('numberedStepTitle', () => {
  it('numbers the step as the agenda does', () => {
    expect(numberedStepTitle('requirements')).toBe('1. Clarify requirements');
    expect(numberedStepTitle('monitoring')).toBe('7. Monitoring');
  });
});

describe('sortNotes', () => {
  it('orders by session time, notes from before the start first, then by id', () => {
    const notes = [
      { id: 3, step: 'data' as const, atMs: 90_000, text: 'c' },
      { id: 1, step: null, atMs: null, text: 'a' },
      { id: 4, step: 'model' as const, atMs: 30_000, text: 'd' },
      { id: 2, step: 'model' as const, atMs: 30_000, text: 'b' },
    ];
    expect(sortNotes(notes).map((n) => n.id)).toEqual([1, 2, 4, 3]);
  });
});
