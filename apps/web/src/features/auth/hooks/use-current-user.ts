import type { PublicUser } from '@mockboard/protocol';
import { useMe } from './use-me';

/** The signed-in user, for components rendered inside RequireAuth (which waits until it is known). */
export function useCurrentUser(): PublicUser {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser must be used inside <RequireAuth>');
  return data;
}
