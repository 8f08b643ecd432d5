/**
 * The player's clock: where the playhead is, as a pure value. Playing is stored as an anchor (a session
 * time and the wall time it was read at), so the position at any wall time is computed, never accumulated
 * frame by frame: a tab in the background or a slow frame cannot make the playhead drift.
 */
export const PLAYBACK_SPEEDS = [1, 2, 4, 8] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

export interface PlaybackClock {
  /** Session time at `anchorWallMs`. */
  anchorMs: number;
  anchorWallMs: number;
  playing: boolean;
  speed: PlaybackSpeed;
  durationMs: number;
}

export function pausedClock(durationMs: number, atMs = 0, speed: PlaybackSpeed = 1): PlaybackClock {
  return { anchorMs: clampTime(atMs, durationMs), anchorWallMs: 0, playing: false, speed, durationMs };
}

/** The session time the clock reads at `wallMs`; it stops at the end. */
export function positionAt(clock: PlaybackClock, wallMs: number): number {
  if (!clock.playing) return clock.anchorMs;
  return clampTime(clock.anchorMs + (wallMs - clock.anchorWallMs) * clock.speed, clock.durationMs);
}

/** Plays from where the clock stands; from the start again when it stood at the end. */
export function play(clock: PlaybackClock, wallMs: number): PlaybackClock {
  if (clock.playing) return clock;
  const from = clock.anchorMs >= clock.durationMs ? 0 : clock.anchorMs;
  return { ...clock, anchorMs: from, anchorWallMs: wallMs, playing: true };
}

export function pause(clock: PlaybackClock, wallMs: number): PlaybackClock {
  if (!clock.playing) return clock;
  return { ...clock, anchorMs: positionAt(clock, wallMs), anchorWallMs: wallMs, playing: false };
}

/** Moves the playhead; a playing clock keeps playing from there. */
export function seek(clock: PlaybackClock, atMs: number, wallMs: number): PlaybackClock {
  return { ...clock, anchorMs: clampTime(atMs, clock.durationMs), anchorWallMs: wallMs };
}

/** Changes speed without moving the playhead. */
export function setSpeed(clock: PlaybackClock, speed: PlaybackSpeed, wallMs: number): PlaybackClock {
  return { ...clock, anchorMs: positionAt(clock, wallMs), anchorWallMs: wallMs, speed };
}

/** True once a playing clock has reached the end: the player then pauses it there. */
export function reachedEnd(clock: PlaybackClock, wallMs: number): boolean {
  return clock.playing && positionAt(clock, wallMs) >= clock.durationMs;
}

export function clampTime(atMs: number, durationMs: number): number {
  if (!Number.isFinite(atMs)) return 0;
  return Math.min(Math.max(0, Math.round(atMs)), Math.max(0, durationMs));
}
