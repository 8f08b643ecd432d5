import type { Author } from '../board/authorship';

interface AuthorLegendProps {
  on: boolean;
  /** While two moments are compared the board is coloured by change, not by author. */
  disabled: boolean;
  onToggle: (on: boolean) => void;
  /** Authors with the number of elements on the board that are theirs now. */
  counts: ReadonlyArray<{ author: Author; count: number }>;
}

/** "Who drew what": colours the board by who last wrote each element, with the key to the colours. */
export function AuthorLegend({ on, disabled, onToggle, counts }: AuthorLegendProps) {
  return (
    <div className="author-legend">
      <label className="player-controls__toggle">
        <input type="checkbox" checked={on} disabled={disabled} onChange={(event) => onToggle(event.target.checked)} />
        Who drew what
      </label>
      {on && !disabled && (
        <ul className="author-legend__items" aria-label="Authors">
          {counts.map(({ author, count }) => (
            <li key={author.userId || 'unknown'} className="author-legend__item">
              <span className="author-legend__swatch" style={{ background: author.colour }} aria-hidden="true" />
              {author.displayName}
              <span className="author-legend__count">
                {count} {count === 1 ? 'element' : 'elements'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
