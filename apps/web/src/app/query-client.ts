import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../features/auth/hooks/use-me';
import { ApiRequestError } from '../lib/api-client';

export function createQueryClient(): QueryClient {
  // A 401 from any request means the session ended (expired, or logged out in another tab). Clearing `me`
  // lets RequireAuth send the user to /login instead of leaving every screen to handle it.
  const onError = (error: Error): void => {
    if (error instanceof ApiRequestError && error.status === 401 && error.code === 'unauthorized') {
      queryClient.setQueryData(ME_QUERY_KEY, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(error instanceof ApiRequestError && error.status < 500 && error.status > 0) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
