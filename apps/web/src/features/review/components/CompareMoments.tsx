import type { UseQueryResult } from '@tanstack/react-query';
import { Button } from '../../../ui/Button';
import { DIFF_COLOURS, describeElement, type BoardElement } from '../board/board-scene';
import { isEmptyDiff } from '../board/moment-diff';
import type { MomentComparison } from '../hooks/use-moment-comparison';
import { momentText } from '../player/timeline-layout';

export interface Marks {
  a: number | null;
  b: number | null;
}

interface CompareMomentsProps {
  positionMs: number;
  marks: Marks;
  onMark: (marks: Marks) => void;
  comparing: boolean;
  onCompare: (comparing: boolean) => void;
  comparison: UseQueryResult<MomentComparison>;
  onSeek: (atMs: number) => void;
}

/** "Compare two moments": mark A and B at the playhead, then see what was added, changed and removed. */
export function CompareMoments({ positionMs, marks, onMark, comparing, onCompare, comparison, onSeek }: CompareMomentsProps) {
  const ready = marks.a !== null && marks.b !== null;
  return (
    <section className="card review-panel compare" aria-labelledby="review-compare-title">
      <h2 className="review-panel__title" id="review-compare-title">
        Compare two moments
      </h2>
      <div className="compare__marks">
        {(['a', 'b'] as const).map((mark) => {
          const at = marks[mark];
          const name = mark.toUpperCase();
          return (
            <div key={mark} className="compare__mark">
              <Button variant="secondary" size="sm" onClick={() => onMark({ ...marks, [mark]: positionMs })}>
                Mark {name} here
              </Button>
              {at === null ? (
                <span className="compare__unset">{name} not set</span>
              ) : (
                <button type="button" className="link-button" onClick={() => onSeek(at)} aria-label={`Go to ${name}, ${momentText(at)}`}>
                  {name}: {momentText(at)}
                </button>
              )}
            </div>
          );
        })}
      </div>
      <div className="compare__actions">
        <Button size="sm" disabled={!ready} aria-pressed={comparing} onClick={() => onCompare(!comparing)}>
          {comparing ? 'Back to the playhead' : 'Show the changes'}
        </Button>
        {(marks.a !== null || marks.b !== null) && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              onCompare(false);
              onMark({ a: null, b: null });
            }}
          >
            Clear marks
          </Button>
        )}
      </div>
      {comparing && comparison.isPending && <span className="spinner spinner--muted" role="status" aria-label="Comparing the two moments" />}
      {comparing && comparison.isError && <p className="review-panel__empty">Could not compare the two moments.</p>}
      {comparing && comparison.data && <ChangeList comparison={comparison.data} />}
    </section>
  );
}

function ChangeList({ comparison }: { comparison: MomentComparison }) {
  const { diff, fromMs, toMs } = comparison;
  const groups = [
    { title: 'Added', colour: DIFF_COLOURS.added, elements: diff.added },
    { title: 'Changed', colour: DIFF_COLOURS.changed, elements: diff.changed },
    { title: 'Removed', colour: DIFF_COLOURS.removed, elements: diff.removed },
  ];
  return (
    <div className="compare__result" role="status">
      <p className="compare__summary">
        From {momentText(fromMs)} to {momentText(toMs)}:{' '}
        {isEmptyDiff(diff) ? 'nothing changed on the board.' : groups.map((g) => `${String(g.elements.length)} ${g.title.toLowerCase()}`).join(', ')}
      </p>
      {groups
        .filter((g) => g.elements.length > 0)
        .map((group) => (
          <div key={group.title} className="compare__group">
            <h3 className="review-panel__subtitle">
              <span className="review-table__swatch" style={{ background: group.colour }} aria-hidden="true" />
              {group.title}
            </h3>
            <ul className="compare__items" aria-label={group.title}>
              {group.elements.map((element: BoardElement) => (
                <li key={element.id}>{describeElement(element)}</li>
              ))}
            </ul>
          </div>
        ))}
    </div>
  );
}
