/**
 * Which palette components are on the board, read from the elements as the shared document stores them.
 * Palette shapes carry `customData.componentId` (see place-component.ts); anything else is ignored, since
 * the document holds whatever any client wrote.
 */
export function componentIdsOnBoard(elements: Iterable<unknown>): Set<string> {
  const ids = new Set<string>();
  for (const element of elements) {
    if (!isRecord(element) || element.isDeleted === true) continue;
    const customData = element.customData;
    if (isRecord(customData) && typeof customData.componentId === 'string') ids.add(customData.componentId);
  }
  return ids;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
