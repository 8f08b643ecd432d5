import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProblemBody, StoredProblem } from '@mockboard/protocol';
import { createProblem, deleteProblem, fetchProblemDefinition, fetchProblems, updateProblem } from '../api/problems-api';

export const PROBLEMS_QUERY_KEY = ['problems'] as const;

const definitionQueryKey = (slug: string) => ['problems', slug, 'definition'] as const;

export function useProblems() {
  // Built-in problems change only on deploy, and the user's own only through the mutations below, which
  // refresh this list: nothing else can make it stale.
  return useQuery({ queryKey: PROBLEMS_QUERY_KEY, queryFn: fetchProblems, staleTime: Infinity });
}

export function useProblemDefinition(slug: string) {
  return useQuery({ queryKey: definitionQueryKey(slug), queryFn: () => fetchProblemDefinition(slug) });
}

/** Creates a problem, or replaces the one named by `slug`. */
export function useSaveProblem(slug: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProblemBody) => (slug ? updateProblem(slug, body) : createProblem(body)),
    onSuccess: async (problem: StoredProblem) => {
      queryClient.setQueryData(definitionQueryKey(problem.slug), problem);
      await queryClient.invalidateQueries({ queryKey: PROBLEMS_QUERY_KEY, exact: true });
    },
  });
}

export function useDeleteProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteProblem,
    onSuccess: async (_: void, slug: string) => {
      queryClient.removeQueries({ queryKey: definitionQueryKey(slug) });
      await queryClient.invalidateQueries({ queryKey: PROBLEMS_QUERY_KEY, exact: true });
    },
  });
}
