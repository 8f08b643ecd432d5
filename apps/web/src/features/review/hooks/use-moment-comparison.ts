import { DOC_KEYS } from '@mockboard/protocol';
import { useQuery } from '@tanstack/react-query';
import * as Y from 'yjs';
import { sessionQueryKey } from '../../sessions/hooks/use-sessions';
import { recordingSource } from '../api/recording-api';
import type { BoardElement } from '../board/board-scene';
import { diffMoments, type MomentDiff } from '../board/moment-diff';
import type { RecordingSource } from '../player/replay-document';

export interface MomentComparison {
  fromMs: number;
  toMs: number;
  after: BoardElement[];
  diff: MomentDiff<BoardElement>;
}

async function elementsAt(source: RecordingSource, atMs: number): Promise<BoardElement[]> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, await source.stateAt(atMs));
    return [...doc.getMap<BoardElement>(DOC_KEYS.elements).values()].map((element) => structuredClone(element));
  } finally {
    doc.destroy();
  }
}

/** The board at two marked moments and what changed between them, earlier mark first whichever was set first. */
export function useMomentComparison(sessionId: string, a: number | null, b: number | null) {
  const [fromMs, toMs] = a !== null && b !== null ? [Math.min(a, b), Math.max(a, b)] : [null, null];
  return useQuery({
    queryKey: [...sessionQueryKey(sessionId), 'recording', 'compare', fromMs, toMs],
    enabled: fromMs !== null && toMs !== null,
    // A built recording never changes.
    staleTime: Infinity,
    queryFn: async (): Promise<MomentComparison> => {
      const from = fromMs ?? 0;
      const to = toMs ?? 0;
      const source = recordingSource(sessionId);
      const [before, after] = await Promise.all([elementsAt(source, from), elementsAt(source, to)]);
      return { fromMs: from, toMs: to, after, diff: diffMoments(before, after) };
    },
  });
}
