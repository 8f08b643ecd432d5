import { useId } from 'react';
import type { Playback } from '../hooks/use-playback';
import { PLAYBACK_SPEEDS } from '../player/playback-clock';
import { momentText } from '../player/timeline-layout';

interface PlayerControlsProps {
  playback: Playback;
  durationMs: number;
  /** False when the recording has no quiet stretch to skip. */
  hasIdleGaps: boolean;
}

export function PlayerControls({ playback, durationMs, hasIdleGaps }: PlayerControlsProps) {
  const speedLabel = useId();
  return (
    <div className="player-controls">
      <button
        type="button"
        className="button button--primary button--sm player-controls__play"
        onClick={playback.togglePlay}
        aria-keyshortcuts="Space"
      >
        {playback.playing ? 'Pause' : 'Play'}
      </button>
      <span className="player-controls__time" aria-live="off">
        <time>{momentText(playback.positionMs)}</time> / <time>{momentText(durationMs)}</time>
      </span>
      <div className="speed-choice" role="radiogroup" aria-labelledby={speedLabel}>
        <span id={speedLabel} className="speed-choice__label">
          Speed
        </span>
        {PLAYBACK_SPEEDS.map((speed) => (
          <button
            key={speed}
            type="button"
            role="radio"
            aria-checked={playback.speed === speed}
            className="speed-choice__option"
            onClick={() => playback.setSpeed(speed)}
          >
            {speed}×
          </button>
        ))}
      </div>
      <label className="player-controls__toggle">
        <input type="checkbox" checked={playback.skipIdle} disabled={!hasIdleGaps} onChange={(event) => playback.setSkipIdle(event.target.checked)} />
        Skip idle gaps
      </label>
      <p className="player-controls__hint">Space plays or pauses; ← → move 5 s, with Shift 30 s.</p>
    </div>
  );
}
