import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '@mockboard/protocol';
import { createSession, fetchInvitePreview, fetchSession, fetchSessions, joinSession, swapRoles } from '../api/sessions-api';

export const SESSIONS_QUERY_KEY = ['sessions'] as const;

export const sessionQueryKey = (id: string) => ['sessions', id] as const;

export function useSessions() {
  // Sessions start and end in other tabs and other browsers: coming back to the dashboard shows it.
  return useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: fetchSessions, refetchOnWindowFocus: true });
}

export function useSession(id: string) {
  return useQuery({ queryKey: sessionQueryKey(id), queryFn: () => fetchSession(id) });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: (session: SessionView) => {
      // The room opens next and reads this straight from the cache.
      queryClient.setQueryData(sessionQueryKey(session.id), session);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY, exact: true });
    },
  });
}

export function useJoinSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: joinSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });
}

/** The invite's problem and inviter; `null` while there is no invite to preview. */
export function useInvitePreview(inviteCode: string | null) {
  return useQuery({
    queryKey: ['invites', inviteCode],
    queryFn: () => fetchInvitePreview(inviteCode ?? ''),
    enabled: inviteCode !== null,
    // A bad code answers 404 for good; the preview is a courtesy, so no retry delays the page.
    retry: false,
    staleTime: 60_000,
  });
}

/** "Swap roles" from an ended session: both seated people use it, from the room or the scorecard. */
export function useSwapRoles(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (problemSlug?: string) => swapRoles(sessionId, problemSlug ? { problemSlug } : {}),
    onSuccess: (next: SessionView) => {
      queryClient.setQueryData(sessionQueryKey(next.id), next);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
    },
  });
}
