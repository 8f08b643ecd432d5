import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { recordingSource } from '../api/recording-api';
import { ReplayDocument } from '../player/replay-document';
import { chunksAhead } from '../player/update-chunks';

export interface ShownMoment {
  doc: Y.Doc;
  atMs: number;
}

/** The replayed document following the playhead, reading updates ahead while it plays. */
export function useReplayBoard(sessionId: string, durationMs: number, positionMs: number, playing: boolean, speed: number) {
  const [shown, setShown] = useState<ShownMoment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const replay = useRef<ReplayDocument | null>(null);

  useEffect(() => {
    const current = new ReplayDocument(
      recordingSource(sessionId),
      durationMs,
      (doc, atMs) => {
        setError(null);
        setShown({ doc, atMs });
      },
      setError,
    );
    replay.current = current;
    return () => {
      current.destroy();
      replay.current = null;
    };
  }, [sessionId, durationMs]);

  useEffect(() => {
    replay.current?.moveTo(positionMs);
    if (playing) replay.current?.prefetch(chunksAhead(positionMs, speed, durationMs));
  }, [positionMs, playing, speed, durationMs, sessionId]);

  return { shown, error };
}
