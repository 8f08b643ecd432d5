import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeedbackBody } from '@mockboard/protocol';
import { sessionQueryKey } from '../../sessions/hooks/use-sessions';
import { fetchFeedback, fetchRubricNotes, fetchScorecard, sendFeedback } from '../api/scorecard-api';

// Under the session's own key, so anything that refreshes a session (a swap, the dashboard) refreshes these.
const scorecardKey = (sessionId: string) => [...sessionQueryKey(sessionId), 'scorecard'] as const;
const rubricNotesKey = (sessionId: string) => [...sessionQueryKey(sessionId), 'rubric-notes'] as const;
const feedbackKey = (sessionId: string) => [...sessionQueryKey(sessionId), 'feedback'] as const;

/** `enabled` is false while the caller may not read it: the server would answer 403. */
export function useScorecard(sessionId: string, enabled: boolean) {
  return useQuery({ queryKey: scorecardKey(sessionId), queryFn: () => fetchScorecard(sessionId), enabled });
}

export function useRubricNotes(sessionId: string, enabled: boolean) {
  return useQuery({ queryKey: rubricNotesKey(sessionId), queryFn: () => fetchRubricNotes(sessionId), enabled });
}

export function useFeedback(sessionId: string, enabled: boolean) {
  return useQuery({ queryKey: feedbackKey(sessionId), queryFn: () => fetchFeedback(sessionId), enabled });
}

export function useSendFeedback(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackBody) => sendFeedback(sessionId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKey(sessionId) }),
    // A refusal (409) most likely means the scorecard was released meanwhile: the session says so.
    onError: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey(sessionId), exact: true }),
  });
}
