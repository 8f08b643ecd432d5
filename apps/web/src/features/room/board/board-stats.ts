import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';

/**
 * Publishes what is on the board as data attributes of the room element: the number of visible elements
 * and the texts on it. Harmless in production, and what the end-to-end tests read, since they run the
 * production build and cannot reach into the canvas.
 */
export function writeBoardStats(target: HTMLElement | null, elements: readonly OrderedExcalidrawElement[]): void {
  if (!target) return;
  let count = 0;
  const labels: string[] = [];
  for (const element of elements) {
    if (element.isDeleted) continue;
    count++;
    // Text inside a box is wrapped with line breaks; the original is what was typed.
    if (element.type === 'text') labels.push(element.originalText || element.text);
  }
  const countText = String(count);
  const labelsText = JSON.stringify(labels.sort());
  // onChange fires on every pointer move: touch the DOM only when something changed.
  if (target.dataset.elementCount !== countText) target.dataset.elementCount = countText;
  if (target.dataset.boardLabels !== labelsText) target.dataset.boardLabels = labelsText;
}
