import { useCallback, useEffect, useState } from 'react';
import { skipIdleGap, type TimeSpan } from '../player/idle-gaps';
import { pause, pausedClock, play, positionAt, reachedEnd, seek, setSpeed, type PlaybackClock, type PlaybackSpeed } from '../player/playback-clock';

export interface Playback {
  positionMs: number;
  playing: boolean;
  speed: PlaybackSpeed;
  skipIdle: boolean;
  togglePlay: () => void;
  seekTo: (atMs: number) => void;
  /** Moves the playhead by a signed amount, e.g. -5 s for the left arrow. */
  seekBy: (deltaMs: number) => void;
  setSpeed: (speed: PlaybackSpeed) => void;
  setSkipIdle: (skip: boolean) => void;
}

const now = () => performance.now();

/**
 * The playhead, moved every animation frame while playing. It opens at the end: the finished design is what
 * a reviewer looks at first, and Play starts from the beginning.
 */
export function usePlayback(durationMs: number, idleGaps: readonly TimeSpan[]): Playback {
  const [clock, setClock] = useState<PlaybackClock>(() => pausedClock(durationMs, durationMs));
  /**
   * Where the last frame put the playing clock, tagged with that clock: after a play or a seek, until the
   * next frame, the new clock's anchor is the position, not an older frame's (which would send the board back).
   */
  const [lastFrame, setLastFrame] = useState<{ clock: PlaybackClock; atMs: number } | null>(null);
  const [skipIdle, setSkipIdle] = useState(false);

  useEffect(() => {
    if (!clock.playing) return;
    let frame = 0;
    const tick = () => {
      const wall = now();
      const at = positionAt(clock, wall);
      const skipped = skipIdle ? skipIdleGap(at, idleGaps) : at;
      if (skipped !== at) return setClock(seek(clock, skipped, wall));
      if (reachedEnd(clock, wall)) return setClock(pause(clock, wall));
      setLastFrame({ clock, atMs: at });
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [clock, skipIdle, idleGaps]);

  const togglePlay = useCallback(() => setClock((c) => (c.playing ? pause(c, now()) : play(c, now()))), []);
  const seekTo = useCallback((atMs: number) => setClock((c) => seek(c, atMs, now())), []);
  const seekBy = useCallback((deltaMs: number) => setClock((c) => seek(c, positionAt(c, now()) + deltaMs, now())), []);
  const changeSpeed = useCallback((speed: PlaybackSpeed) => setClock((c) => setSpeed(c, speed, now())), []);

  const positionMs = clock.playing && lastFrame?.clock === clock ? lastFrame.atMs : clock.anchorMs;
  return { positionMs, playing: clock.playing, speed: clock.speed, skipIdle, togglePlay, seekTo, seekBy, setSpeed: changeSpeed, setSkipIdle };
}
