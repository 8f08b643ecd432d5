import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type * as Y from 'yjs';
import { orderByIndex } from '../../room/board/element-merge';
import type { MomentDiff } from './moment-diff';

export type BoardElement = OrderedExcalidrawElement;

/**
 * Reads the board's elements out of the replayed document as Excalidraw's scene. Excalidraw may edit scene
 * elements in place, so it gets copies; a copy is kept while the stored element is the same object (Yjs
 * hands out the same one until the element is written again), so playing clones only what changed.
 */
export class SceneReader {
  private copies = new Map<string, { stored: BoardElement; copy: BoardElement }>();

  read(elements: Y.Map<BoardElement>): BoardElement[] {
    const next = new Map<string, { stored: BoardElement; copy: BoardElement }>();
    for (const [id, stored] of elements) {
      const kept = this.copies.get(id);
      next.set(id, kept?.stored === stored ? kept : { stored, copy: structuredClone(stored) });
    }
    this.copies = next;
    return orderByIndex([...next.values()].map((entry) => entry.copy));
  }
}

export function visibleCount(elements: readonly BoardElement[]): number {
  return elements.reduce((count, element) => count + (element.isDeleted ? 0 : 1), 0);
}

/** "Who drew what": every element outlined (and, for text, written) in its author's colour. */
export function paintByAuthor(elements: readonly BoardElement[], colourOf: (id: string) => string): BoardElement[] {
  return elements.map((element) => ({ ...element, strokeColor: colourOf(element.id) }));
}

export const DIFF_COLOURS = { added: '#157a47', changed: '#b35c00', removed: '#c52626' } as const;
/** Unchanged elements stay visible for context, faded so the changes stand out. */
const UNCHANGED_OPACITY = 25;

/**
 * The board at B with the changes since A highlighted: added elements in green, changed ones in amber, and
 * removed ones brought back from A as dashed red ghosts.
 */
export function compareScene(after: readonly BoardElement[], diff: MomentDiff<BoardElement>): BoardElement[] {
  const added = new Set(diff.added.map((e) => e.id));
  const changed = new Set(diff.changed.map((e) => e.id));
  const shown = after
    .filter((element) => !element.isDeleted)
    .map((element): BoardElement => {
      if (added.has(element.id)) return { ...element, strokeColor: DIFF_COLOURS.added };
      if (changed.has(element.id)) return { ...element, strokeColor: DIFF_COLOURS.changed };
      return { ...element, opacity: UNCHANGED_OPACITY };
    });
  const ghosts = diff.removed.map((element): BoardElement => ({ ...element, strokeColor: DIFF_COLOURS.removed, strokeStyle: 'dashed', opacity: 60 }));
  return orderByIndex([...shown, ...ghosts]);
}

const TYPE_NAMES: Readonly<Record<string, string>> = { freedraw: 'Drawing', iframe: 'Embed', embeddable: 'Embed', magicframe: 'Frame' };

/** How a changed element is listed: "Rectangle", "Text “Feature store”". */
export function describeElement(element: BoardElement): string {
  const name = TYPE_NAMES[element.type] ?? element.type.charAt(0).toUpperCase() + element.type.slice(1);
  if (element.type !== 'text') return name;
  const text = (element.originalText || element.text).replace(/\s+/g, ' ').trim();
  return text ? `${name} “${text.length > 40 ? `${text.slice(0, 39)}…` : text}”` : name;
}
