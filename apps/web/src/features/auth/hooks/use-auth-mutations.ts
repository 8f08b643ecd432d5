import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicUser } from '@mockboard/protocol';
import { continueAsGuest, login, logout, register, upgradeGuest } from '../api/auth-api';
import { ME_QUERY_KEY } from './use-me';

/** Every way of gaining or changing a session answers with the user, so the cache is written, not refetched. */
function useSetMe() {
  const queryClient = useQueryClient();
  return (user: PublicUser) => queryClient.setQueryData(ME_QUERY_KEY, user);
}

export function useLogin() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: login, onSuccess: setMe });
}

export function useRegister() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: register, onSuccess: setMe });
}

export function useContinueAsGuest() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: continueAsGuest, onSuccess: setMe });
}

export function useUpgradeGuest() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: upgradeGuest, onSuccess: setMe });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // Drop everything cached for the previous user so whoever signs in next never sees it. Clearing `me`
      // is what sends the browser to /login: RequireAuth reacts to it.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}
