import { Button } from '../../../ui/Button';
import { useLogout } from '../hooks/use-auth-mutations';
import { useCurrentUser } from '../hooks/use-current-user';

export function UserMenu() {
  const user = useCurrentUser();
  const logout = useLogout();

  return (
    <div className="user-menu">
      <span className="avatar" aria-hidden="true">
        {initialsOf(user.displayName)}
      </span>
      <span className="user-menu__who">
        <span className="user-menu__name" title={user.displayName}>
          {user.displayName}
        </span>
        {user.isGuest && <span className="badge badge--guest">Guest</span>}
      </span>
      <Button variant="ghost" size="sm" onClick={() => {
          logout.mutate();
        }} pending={logout.isPending}>
        Log out
      </Button>
    </div>
  );
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [name.trim()];
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
}
