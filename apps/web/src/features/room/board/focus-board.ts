/**
 * Excalidraw listens for its keyboard shortcuts on its own container (the `.excalidraw` element, which is
 * focusable), not on the page: until that container has focus, pressing R or V does nothing. The room gives
 * it focus when the board opens and when a header popover closes, so shortcuts work without a click first.
 */
export function focusBoard(boardRoot: HTMLElement | null): void {
  const container = boardRoot?.querySelector<HTMLElement>('.excalidraw-container, .excalidraw');
  container?.focus({ preventScroll: true });
}
