import { CaptureUpdateAction } from '@excalidraw/excalidraw';
import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { AppState, ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { DOC_KEYS } from '@mockboard/protocol';
import type * as Y from 'yjs';
import { findLocalChanges, mergeRemoteElements, type SyncedElement } from './element-merge';

/** Origin of our own writes to the shared map, so the map's observer can tell them from remote ones. */
export const LOCAL_ORIGIN = Symbol('mockboard-local-board-edit');

/** An element as stored in the shared map: plain JSON, replaced whole on each new version (rule D1). */
type StoredElement = OrderedExcalidrawElement;

/**
 * Binds an Excalidraw scene to the session's Yjs document (docs/protocol.md D1). Local edits go into
 * the `elements` map; remote ones are merged into the scene with `CaptureUpdateAction.NEVER`, so they never
 * enter the local undo stack and undo only ever undoes your own changes. The merge rules live in
 * `element-merge.ts`.
 */
export class BoardBinding {
  private readonly elements: Y.Map<StoredElement>;
  private protectedIds: ReadonlySet<string> = new Set();
  /**
   * Excalidraw hands out its API before it has loaded its initial scene, then replaces the scene with
   * `initialData` (empty) once loaded: a board applied before that was wiped, and a client that joined a
   * quiet room (an observer after the interview) showed an empty board until someone drew. So nothing is
   * applied until the scene has loaded; then the whole shared board is.
   */
  private sceneLoaded: boolean;

  constructor(
    private readonly api: ExcalidrawImperativeAPI,
    private readonly doc: Y.Doc,
    private readonly readOnly: boolean,
  ) {
    this.elements = doc.getMap<StoredElement>(DOC_KEYS.elements);
    this.elements.observe(this.onSharedChange);
    this.sceneLoaded = !api.getAppState().isLoading;
    // The document may already hold the board (synced before Excalidraw was ready, or remounted).
    if (this.sceneLoaded) this.applyShared([...this.elements.keys()]);
  }

  /** Feed with every Excalidraw `onChange`; it fires on each pointer move, so the no-change path is cheap. */
  onSceneChange(elements: readonly OrderedExcalidrawElement[], appState: AppState): void {
    if (!this.sceneLoaded) {
      if (appState.isLoading) return;
      this.sceneLoaded = true;
      this.applyShared([...this.elements.keys()]);
      return;
    }
    this.protectedIds = editingIds(appState);
    if (this.readOnly) return;
    const { toWrite, behind } = findLocalChanges<SyncedElement & OrderedExcalidrawElement>(elements, (id) => this.elements.get(id));
    if (toWrite.length > 0) this.write(toWrite);
    // A remote copy held back while it was being edited here, and the local edit did not overtake it.
    const stale = behind.filter((id) => !this.protectedIds.has(id));
    if (stale.length > 0) this.applyShared(stale);
  }

  destroy(): void {
    this.elements.unobserve(this.onSharedChange);
  }

  private readonly onSharedChange = (event: Y.YMapEvent<StoredElement>, transaction: Y.Transaction): void => {
    if (transaction.origin === LOCAL_ORIGIN || !this.sceneLoaded) return;
    this.applyShared([...event.keysChanged]);
  };

  private applyShared(ids: readonly string[]): void {
    const remote: StoredElement[] = [];
    for (const id of ids) {
      const stored = this.elements.get(id);
      // Excalidraw mutates scene elements in place; the map's own object must never become one of them.
      if (stored) remote.push(structuredClone(stored));
    }
    if (remote.length === 0) return;
    const scene = this.api.getSceneElementsIncludingDeleted();
    const result = mergeRemoteElements(scene, remote, { protectedIds: this.protectedIds, readOnly: this.readOnly });
    if (result.changed) this.api.updateScene({ elements: result.elements, captureUpdate: CaptureUpdateAction.NEVER });
    if (result.writeBack.length > 0 && !this.readOnly) this.write(result.writeBack);
  }

  private write(elements: readonly OrderedExcalidrawElement[]): void {
    this.doc.transact(() => {
      // A copy, for the same reason as above: Excalidraw would otherwise edit the stored object in place.
      for (const element of elements) this.elements.set(element.id, structuredClone(element));
    }, LOCAL_ORIGIN);
  }
}

/** Elements mid-gesture, which a remote copy must not replace (the same rule as Excalidraw's own collab). */
function editingIds(appState: AppState): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const element of [appState.editingTextElement, appState.resizingElement, appState.newElement]) {
    if (element) ids.add(element.id);
  }
  return ids;
}
