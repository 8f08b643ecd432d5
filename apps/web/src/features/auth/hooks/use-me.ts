import { useQuery } from '@tanstack/react-query';
import type { PublicUser } from '@mockboard/protocol';
import { fetchMe } from '../api/auth-api';

export const ME_QUERY_KEY = ['me'] as const;

export function useMe() {
  return useQuery<PublicUser | null>({
    queryKey: ME_QUERY_KEY,
    queryFn: fetchMe,
    // The session changes only through our own mutations, which write this cache directly.
    staleTime: Infinity,
  });
}
