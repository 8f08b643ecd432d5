import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { DOC_KEYS, type RecordingStats, type RecordingView, type SessionView } from '@mockboard/protocol';
import { useCallback, useMemo, useState } from 'react';
import { ExportMenu } from '../../room/components/ExportMenu';
import { authorLookup, authorsOf, countByAuthor, lastWriters } from '../board/authorship';
import { compareScene, paintByAuthor, SceneReader, visibleCount, type BoardElement } from '../board/board-scene';
import { useMomentComparison } from '../hooks/use-moment-comparison';
import { usePlayback } from '../hooks/use-playback';
import { usePlayerShortcuts } from '../hooks/use-player-shortcuts';
import { useReplayBoard } from '../hooks/use-replay-board';
import { chatMarkers, countUpTo, momentText } from '../player/timeline-layout';
import { AuthorLegend } from './AuthorLegend';
import { ChatSoFar } from './ChatSoFar';
import { CompareMoments, type Marks } from './CompareMoments';
import { ParticipantActivity } from './ParticipantActivity';
import { PlayerControls } from './PlayerControls';
import { ReplayBoard } from './ReplayBoard';
import { ReviewScorecard } from './ReviewScorecard';
import { Scrubber } from './Scrubber';
import { StepTimeChart } from './StepTimeChart';

const NO_GAPS: RecordingStats['idleGaps'] = [];

/** The recording once built: the board at the playhead, the controls and timeline under it, the figures beside it. */
export function ReviewPlayer({ session, recording }: { session: SessionView; recording: RecordingView }) {
  const { durationMs } = recording;
  const playback = usePlayback(durationMs, recording.stats?.idleGaps ?? NO_GAPS);
  const { shown, error } = useReplayBoard(session.id, durationMs, playback.positionMs, playback.playing, playback.speed);
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const [byAuthor, setByAuthor] = useState(false);
  const [marks, setMarks] = useState<Marks>({ a: null, b: null });
  const [comparing, setComparing] = useState(false);
  const comparison = useMomentComparison(session.id, marks.a, marks.b);

  // Moving the playhead leaves the comparison: the board follows the playhead again.
  const { seekTo: seekPlayhead, seekBy: seekPlayheadBy, togglePlay: togglePlayhead } = playback;
  const seekTo = useCallback(
    (atMs: number) => {
      setComparing(false);
      seekPlayhead(atMs);
    },
    [seekPlayhead],
  );
  const seekBy = useCallback(
    (deltaMs: number) => {
      setComparing(false);
      seekPlayheadBy(deltaMs);
    },
    [seekPlayheadBy],
  );
  const togglePlay = useCallback(() => {
    setComparing(false);
    togglePlayhead();
  }, [togglePlayhead]);
  usePlayerShortcuts({ togglePlay, seekBy });

  const [reader] = useState(() => new SceneReader());
  const elements = useMemo<BoardElement[]>(() => (shown ? reader.read(shown.doc.getMap<BoardElement>(DOC_KEYS.elements)) : []), [shown, reader]);
  const authors = useMemo(() => authorsOf(recording.participants), [recording.participants]);
  const authorOfClient = useMemo(() => authorLookup(recording.participants, authors), [recording.participants, authors]);
  const authorOfElement = useMemo(() => {
    const writers = shown ? lastWriters(shown.doc.getMap(DOC_KEYS.elements)) : new Map<string, number>();
    return (id: string) => authorOfClient(writers.get(id));
  }, [shown, authorOfClient]);

  const comparisonShown = comparing && comparison.data ? comparison.data : null;
  const scene = useMemo(() => {
    if (comparisonShown) return compareScene(comparisonShown.after, comparisonShown.diff);
    return byAuthor ? paintByAuthor(elements, (id) => authorOfElement(id).colour) : elements;
  }, [comparisonShown, byAuthor, elements, authorOfElement]);

  const chat = useMemo(() => chatMarkers(recording.markers), [recording.markers]);
  const chatCount = countUpTo(chat, playback.positionMs);
  const chatSoFar = useMemo(() => chat.slice(0, chatCount), [chat, chatCount]);

  const boardAt = shown?.atMs ?? null;
  const boardLabel = comparisonShown
    ? `Changes from ${momentText(comparisonShown.fromMs)} to ${momentText(comparisonShown.toMs)}`
    : `Board at ${boardAt === null ? '…' : momentText(boardAt)}`;

  return (
    <div className="review">
      <div className="review__main">
        <section
          className="card review-board"
          aria-label={boardLabel}
          data-element-count={visibleCount(elements)}
          data-board-at={boardAt ?? ''}
          data-mode={comparisonShown ? 'compare' : byAuthor ? 'authors' : 'plain'}
        >
          <header className="review-board__header">
            <p className="review-board__caption" role="status">
              {boardLabel} · {visibleCount(comparisonShown ? comparisonShown.after : elements)} on the board
            </p>
            <AuthorLegend
              on={byAuthor}
              disabled={comparisonShown !== null}
              onToggle={setByAuthor}
              counts={byAuthor ? countByAuthor(elements, authors, authorOfElement) : []}
            />
            <ExportMenu api={api} title={`${session.problem.title} at ${momentText(boardAt ?? 0)}`} focusBoard={noFocus} />
          </header>
          <ReplayBoard elements={scene} onApi={setApi} />
          {error !== null && (
            <p className="review-board__error" role="alert">
              Could not load the board at this moment. Move the playhead to try again.
            </p>
          )}
        </section>
        <PlayerControls playback={{ ...playback, seekTo, seekBy, togglePlay }} durationMs={durationMs} hasIdleGaps={(recording.stats?.idleGaps.length ?? 0) > 0} />
        <Scrubber positionMs={playback.positionMs} durationMs={durationMs} steps={recording.steps} markers={recording.markers} onSeek={seekTo} />
        <CompareMoments
          positionMs={playback.positionMs}
          marks={marks}
          onMark={setMarks}
          comparing={comparing}
          onCompare={setComparing}
          comparison={comparison}
          onSeek={seekTo}
        />
      </div>
      <aside className="review__side" aria-label="Session figures">
        {recording.stats && <StepTimeChart steps={recording.stats.steps} />}
        {recording.stats && <ParticipantActivity participants={recording.participants} stats={recording.stats} />}
        <ChatSoFar messages={chatSoFar} onSeek={seekTo} />
        <ReviewScorecard session={session} onSeek={seekTo} />
      </aside>
    </div>
  );
}

/** The export menu hands focus back to a live board when it closes; a recording's board takes no keys. */
function noFocus(): void {}
