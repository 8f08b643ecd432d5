import { describe, expect, it } from '@jest/globals';
import { clampTime, pause, pausedClock, play, positionAt, reachedEnd, seek, setSpeed } from './playback-clock';

describe('playback clock', () => {
  it('reads the position from the wall time, scaled by the speed, and stops at the end', () => {
    const clock = setSpeed(play(pausedClock(60_000, 10_000), 1_000), 4, 1_000);
    expect(positionAt(clock, 1_000)).toBe(10_000);
    expect(positionAt(clock, 3_500)).toBe(20_000);
    expect(positionAt(clock, 99_000)).toBe(60_000);
    expect(reachedEnd(clock, 99_000)).toBe(true);
    expect(reachedEnd(clock, 3_500)).toBe(false);
  });

  it('holds still when paused, and resumes from where it paused', () => {
    const paused = pause(play(pausedClock(60_000), 0), 2_000);
    expect(paused.playing).toBe(false);
    expect(positionAt(paused, 50_000)).toBe(2_000);
    expect(positionAt(play(paused, 50_000), 51_000)).toBe(3_000);
  });

  it('changes speed mid-play without a jump', () => {
    const clock = play(pausedClock(600_000), 0);
    const faster = setSpeed(clock, 8, 5_000);
    expect(positionAt(faster, 5_000)).toBe(5_000);
    expect(positionAt(faster, 6_000)).toBe(13_000);
  });

  it('seeks inside the recording, playing or not, and starts over when played from the end', () => {
    const playing = play(pausedClock(60_000), 0);
    const moved = seek(playing, 30_000, 1_000);
    expect(positionAt(moved, 2_000)).toBe(31_000);
    expect(seek(pausedClock(60_000), -5, 0).anchorMs).toBe(0);
    expect(seek(pausedClock(60_000), 70_000, 0).anchorMs).toBe(60_000);
    expect(play(pausedClock(60_000, 60_000), 0).anchorMs).toBe(0);
  });

  it('clamps to whole milliseconds within the recording', () => {
    expect(clampTime(12.6, 100)).toBe(13);
    expect(clampTime(Number.NaN, 100)).toBe(0);
    expect(clampTime(5, -1)).toBe(0);
  });
});
