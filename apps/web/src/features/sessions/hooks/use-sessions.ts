import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '@mockboard/protocol';
import { createSession, fetchProblems, fetchSession, fetchSessions, joinSession } from '../api/sessions-api';

export const SESSIONS_QUERY_KEY = ['sessions'] as const;

export const sessionQueryKey = (id: string) => ['sessions', id] as const;

export function useProblems() {
  // The problem bank ships with the server and changes only on deploy.
  return useQuery({ queryKey: ['problems'], queryFn: fetchProblems, staleTime: Infinity });
}

export function useSessions() {
  return useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: fetchSessions });
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
