import { DOC_KEYS } from '@mockboard/protocol';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { componentIdsOnBoard } from './board-components';

const NONE: ReadonlySet<string> = new Set();

/**
 * The palette components on the board, live: read from the shared document rather than from this
 * screen's Excalidraw scene, so it counts what everyone drew, observers' screens and folded boards alike.
 * `enabled` keeps the work off screens that do not show it (it runs on every stroke).
 */
export function useBoardComponents(doc: Y.Doc | null, enabled: boolean): ReadonlySet<string> {
  const [ids, setIds] = useState<ReadonlySet<string>>(NONE);
  useEffect(() => {
    if (!doc || !enabled) return;
    const elements = doc.getMap<unknown>(DOC_KEYS.elements);
    let key = '';
    const refresh = (): void => {
      const next = componentIdsOnBoard(elements.values());
      const nextKey = [...next].sort().join(',');
      // A stroke changes the map on every pointer move; re-render only when the set itself changed.
      if (nextKey === key) return;
      key = nextKey;
      setIds(next);
    };
    refresh();
    elements.observe(refresh);
    return () => elements.unobserve(refresh);
  }, [doc, enabled]);
  return doc && enabled ? ids : NONE;
}
