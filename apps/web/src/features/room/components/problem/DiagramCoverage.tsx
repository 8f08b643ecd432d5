import { BOARD_COMPONENTS } from '@mockboard/interview';

const LABELS = new Map(BOARD_COMPONENTS.map((c) => [c.id, c.label]));

interface DiagramCoverageProps {
  expected: readonly string[];
  onBoard: ReadonlySet<string>;
}

/** The components a good diagram for this problem shows, ticked as they appear on the board. */
export function DiagramCoverage({ expected, onBoard }: DiagramCoverageProps) {
  const present = expected.filter((id) => onBoard.has(id)).length;
  return (
    <>
      <p className="coverage__count" aria-live="polite">
        {present} of {expected.length} on the board
      </p>
      <ul className="coverage" aria-label="Expected components">
        {expected.map((id) => {
          const here = onBoard.has(id);
          return (
            <li key={id} className={`coverage__item${here ? ' coverage__item--present' : ''}`} data-present={here}>
              <span className="coverage__tick" aria-hidden="true">
                {here ? '✓' : ''}
              </span>
              {LABELS.get(id) ?? id}
              <span className="visually-hidden">{here ? ' (on the board)' : ' (not yet)'}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
