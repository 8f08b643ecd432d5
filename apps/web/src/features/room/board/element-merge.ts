/**
 * How a whiteboard element's local and shared copies are reconciled. Pure and framework-free (the binding
 * around it talks to Excalidraw and Yjs), so the rules are table-tested in Node.
 *
 * Every Excalidraw element carries `version` (bumped on each edit), `versionNonce` (random, re-rolled with
 * each bump) and a fractional `index` (its z-order). Two copies of one element are compared by those
 * fields alone: the higher version wins; on equal versions the lower nonce wins. Every client applies the
 * same rule to the same pair, so all of them end up showing the same copy whatever order edits arrive in.
 */

/** The fields the merge reads; Excalidraw elements have them, tests use plain objects. */
export interface SyncedElement {
  readonly id: string;
  readonly version: number;
  readonly versionNonce: number;
  readonly index: string | null;
  readonly isDeleted: boolean;
}

/** Just enough of a stored copy to decide whether the local one is newer. */
export type VersionStamp = Pick<SyncedElement, 'version' | 'versionNonce'>;

/** True when `candidate` should replace `current`. Equal copies never replace each other. */
export function isNewer(candidate: VersionStamp, current: VersionStamp): boolean {
  if (candidate.version !== current.version) return candidate.version > current.version;
  return candidate.versionNonce < current.versionNonce;
}

export interface RemoteMergeResult<E> {
  /** The scene to show, ordered by fractional index. */
  elements: E[];
  /** False when every remote copy lost or matched: the scene can be left alone. */
  changed: boolean;
  /**
   * Local copies that beat the shared copy. The shared map resolves two concurrent writes of one key by
   * client id, not by version, so the losing writer must write its newer copy again for everyone to converge.
   */
  writeBack: E[];
}

export interface MergeOptions {
  /**
   * Elements the local user is in the middle of editing (typing, resizing, drawing): a remote copy must not
   * yank them away mid-gesture, and the local edit bumps their version anyway when it ends.
   */
  protectedIds?: ReadonlySet<string>;
  /**
   * For read-only clients (observers): their local copies are never real edits, only Excalidraw's own
   * housekeeping (re-numbering clashing indices bumps versions), so any differing shared copy replaces them.
   */
  readOnly?: boolean;
}

/** Merges remote copies of some elements into the local scene. */
export function mergeRemoteElements<E extends SyncedElement>(
  local: readonly E[],
  remote: readonly E[],
  { protectedIds = new Set(), readOnly = false }: MergeOptions = {},
): RemoteMergeResult<E> {
  const byId = new Map<string, E>();
  for (const element of local) byId.set(element.id, element);

  let changed = false;
  const writeBack: E[] = [];
  for (const incoming of remote) {
    const current = byId.get(incoming.id);
    if (!current) {
      byId.set(incoming.id, incoming);
      changed = true;
    } else if (readOnly ? isNewer(incoming, current) || isNewer(current, incoming) : isNewer(incoming, current)) {
      if (protectedIds.has(incoming.id)) continue;
      byId.set(incoming.id, incoming);
      changed = true;
    } else if (isNewer(current, incoming)) {
      writeBack.push(current);
    }
  }
  const elements = changed ? orderByIndex([...byId.values()]) : [...local];
  return { elements, changed, writeBack };
}

export interface LocalChanges<E> {
  /** Local copies newer than the shared copy (or missing from it): to be written. */
  toWrite: E[];
  /** Ids whose shared copy is newer than the local one, e.g. a remote edit held back while it was protected. */
  behind: string[];
}

/**
 * Compares the scene Excalidraw reports on every change (which fires on each pointer move, so most calls find
 * nothing) with the shared copies. Only strictly newer local copies are written, so a remote copy just
 * applied to the scene is never echoed back.
 */
export function findLocalChanges<E extends SyncedElement>(
  local: readonly E[],
  stored: (id: string) => VersionStamp | undefined,
): LocalChanges<E> {
  const toWrite: E[] = [];
  const behind: string[] = [];
  for (const element of local) {
    const shared = stored(element.id);
    if (!shared || isNewer(element, shared)) toWrite.push(element);
    else if (isNewer(shared, element)) behind.push(element.id);
  }
  return { toWrite, behind };
}

/**
 * Orders elements by fractional index, ties (two clients that appended at once) by id, exactly as
 * Excalidraw does, so every client stacks them the same way. Elements without an index keep their
 * relative order at the top; Excalidraw assigns them an index when the scene is replaced.
 */
export function orderByIndex<E extends SyncedElement>(elements: E[]): E[] {
  return elements.sort((a, b) => {
    if (a.index === null || b.index === null) return (a.index === null ? 1 : 0) - (b.index === null ? 1 : 0);
    if (a.index !== b.index) return a.index < b.index ? -1 : 1;
    if (a.id === b.id) return 0;
    return a.id < b.id ? -1 : 1;
  });
}
