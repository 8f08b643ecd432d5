const HOME = '/';

/**
 * The in-app path to continue to after signing in. Only same-origin absolute paths are accepted: `next`
 * comes from the URL, and following `//evil.example` or `https://...` would make us an open redirect.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME;
  if (isAuthPath(next)) return HOME;
  return next;
}

/** Where to send a signed-out visitor so that signing in brings them back to `path`. */
export function loginPathFor(path: string): string {
  // `/` is where sign-in leads anyway; leaving it out keeps the login URL clean after logging out.
  if (path === HOME || isAuthPath(path)) return '/login';
  // Most invitees have no account and just want to get into the room: offer the guest form first.
  const screen = isInvitePath(path) ? '/guest' : '/login';
  return `${screen}?next=${encodeURIComponent(path)}`;
}

/** True for `/join/<code>` links, which invitees follow before they have an account. */
export function isInvitePath(path: string | null): boolean {
  return inviteCodeOf(path) !== null;
}

/** The code of a `/join/<code>` path, or null for any other path. */
export function inviteCodeOf(path: string | null): string | null {
  const code = path === null ? undefined : /^\/join\/([^/?#]+)/.exec(path)?.[1];
  if (code === undefined) return null;
  try {
    return decodeURIComponent(code);
  } catch {
    // A malformed escape cannot be a code we issued; the join page will say the invite is not valid.
    return code;
  }
}

function isAuthPath(path: string): boolean {
  return /^\/(login|signup|guest)(?:[/?#]|$)/.test(path);
}
