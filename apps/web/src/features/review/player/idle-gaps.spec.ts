import { describe, expect, it } from '@jest/globals';
import { GAP_LEAD_IN_MS, skipIdleGap } from './idle-gaps';

describe('skipIdleGap', () => {
  const gaps = [
    { startMs: 10_000, endMs: 40_000 },
    { startMs: 60_000, endMs: 70_500 },
  ];

  it('jumps from inside a gap to just before its end', () => {
    expect(skipIdleGap(10_000, gaps)).toBe(40_000 - GAP_LEAD_IN_MS);
    expect(skipIdleGap(25_000, gaps)).toBe(40_000 - GAP_LEAD_IN_MS);
    expect(skipIdleGap(65_000, gaps)).toBe(70_500 - GAP_LEAD_IN_MS);
  });

  it('leaves the playhead alone outside gaps and within a lead-in it already reached', () => {
    expect(skipIdleGap(9_999, gaps)).toBe(9_999);
    expect(skipIdleGap(39_500, gaps)).toBe(39_500);
    expect(skipIdleGap(40_000, gaps)).toBe(40_000);
    expect(skipIdleGap(5_000, [])).toBe(5_000);
  });

  it('never lands before the start of a gap shorter than the lead-in', () => {
    expect(skipIdleGap(100, [{ startMs: 100, endMs: 600 }])).toBe(100);
  });
});
