import type { Scorecard } from '@mockboard/protocol';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { fetchScorecard, saveScorecard, scoringQueryKeys } from '../api/scoring-api';
import { classifySaveFailure } from './save-failure';
import type { ScorecardDraft } from './scorecard-draft';
import { ScorecardStore, type ScorecardSnapshot } from './scorecard-store';

export interface ScorecardHandle extends ScorecardSnapshot {
  loadError: Error | null;
  edit: (change: (draft: ScorecardDraft) => ScorecardDraft) => void;
  /** Saves what is waiting now; true once the server has everything. */
  flush: () => Promise<boolean>;
  /** The server's answer to submit or release: the panel becomes read-only. */
  receive: (card: Scorecard) => void;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The interviewer's draft scorecard (see ScorecardStore). The server's copy is read once, and again when
 * the window regains focus with nothing unsaved here, so a second interviewer tab catches up.
 */
export function useScorecard(sessionId: string): ScorecardHandle {
  const queryClient = useQueryClient();
  const [store] = useState(
    () =>
      new ScorecardStore(sessionId, {
        save: (body) => saveScorecard(sessionId, body),
        classify: classifySaveFailure,
        onServerCard: (card) => queryClient.setQueryData(scoringQueryKeys.scorecard(sessionId), card),
        onLocked: () => void queryClient.invalidateQueries({ queryKey: scoringQueryKeys.scorecard(sessionId), exact: true }),
        storage: browserStorage(),
        now: () => Date.now(),
      }),
  );
  const query = useQuery({
    queryKey: scoringQueryKeys.scorecard(sessionId),
    queryFn: () => fetchScorecard(sessionId),
    refetchOnWindowFocus: () => !store.unsaved,
    staleTime: 0,
  });

  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);

  useEffect(() => {
    if (query.data) store.receive(query.data);
  }, [store, query.data]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return {
    ...snapshot,
    loadError: snapshot.draft ? null : query.error,
    edit: (change) => store.edit(change),
    flush: () => store.flush(),
    receive: (card) => {
      queryClient.setQueryData(scoringQueryKeys.scorecard(sessionId), card);
      store.receive(card);
    },
  };
}
