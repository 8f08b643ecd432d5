import { useQuery } from '@tanstack/react-query';
import { fetchProgress } from '../api/progress-api';

export const PROGRESS_QUERY_KEY = ['me', 'progress'] as const;

export function useProgress() {
  // A scorecard is released in someone else's browser: coming back to the tab shows it.
  return useQuery({ queryKey: PROGRESS_QUERY_KEY, queryFn: fetchProgress, refetchOnWindowFocus: true });
}
