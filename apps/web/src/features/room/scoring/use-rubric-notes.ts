import type { RubricNote } from '@mockboard/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchRubricNotes, postRubricNote, scoringQueryKeys } from '../api/scoring-api';

/** Notes by when they were written: the server's ids grow with time, and the list may be merged after a retry. */
export function mergeNotes(current: readonly RubricNote[], added: RubricNote): RubricNote[] {
  return [...current.filter((note) => note.id !== added.id), added].sort((a, b) => a.id - b.id);
}

/**
 * The interviewer's quick notes (rule R3): each is stamped by the server with the session time and the step
 * current when it arrives, so the review can jump to that moment.
 */
export function useRubricNotes(sessionId: string) {
  const queryClient = useQueryClient();
  const key = scoringQueryKeys.rubricNotes(sessionId);
  const notes = useQuery({ queryKey: key, queryFn: () => fetchRubricNotes(sessionId), staleTime: Infinity });
  const add = useMutation({
    mutationFn: (text: string) => postRubricNote(sessionId, { text }),
    onSuccess: (note) => queryClient.setQueryData<RubricNote[]>(key, (current) => mergeNotes(current ?? [], note)),
  });
  return { notes, add };
}

/** The quick-note box's text, kept in the browser until the note is posted: nothing typed is lost. */
export const noteStorageKey = (sessionId: string): string => `mockboard:rubric-note:${sessionId}`;
