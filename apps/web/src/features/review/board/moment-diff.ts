/** Just what comparing two copies of the board reads of an element; Excalidraw elements have it. */
export interface VersionedElement {
  readonly id: string;
  readonly version: number;
  readonly versionNonce: number;
  readonly isDeleted: boolean;
}

export interface MomentDiff<E> {
  /** On the board at B and not at A. */
  added: E[];
  /** On the board at both, edited in between: B's copy. */
  changed: E[];
  /** On the board at A and gone (or deleted) at B: A's copy, since B has none to show. */
  removed: E[];
}

/**
 * What changed on the board between two moments. A deleted element (Excalidraw keeps it, flagged) counts as
 * absent, so an element drawn and deleted between A and B does not show at all. Copies are compared by
 * version stamp, the same test the live board's merge uses.
 */
export function diffMoments<E extends VersionedElement>(before: Iterable<E>, after: Iterable<E>): MomentDiff<E> {
  const alive = (elements: Iterable<E>) => new Map([...elements].filter((e) => !e.isDeleted).map((e) => [e.id, e]));
  const a = alive(before);
  const b = alive(after);
  const diff: MomentDiff<E> = { added: [], changed: [], removed: [] };
  for (const [id, element] of b) {
    const earlier = a.get(id);
    if (!earlier) diff.added.push(element);
    else if (earlier.version !== element.version || earlier.versionNonce !== element.versionNonce) diff.changed.push(element);
  }
  for (const [id, element] of a) if (!b.has(id)) diff.removed.push(element);
  return diff;
}

export function isEmptyDiff(diff: MomentDiff<unknown>): boolean {
  return diff.added.length + diff.changed.length + diff.removed.length === 0;
}
