import type { SessionView } from '@mockboard/protocol';
import { ROLE_LABELS } from '../sessions/roles';

/** Who else is in the session, seen from the user: their partner first, observers as a count. */
export function partnersText(session: Pick<SessionView, 'participants' | 'myRole'>, myId: string): string {
  const others = session.participants.filter((p) => p.userId !== myId);
  const seated = others.filter((p) => p.role !== 'observer');
  const observers = others.length - seated.length;
  let text: string;
  if (seated.length > 0) text = `With ${seated.map((p) => `${p.displayName} (${ROLE_LABELS[p.role].toLowerCase()})`).join(', ')}`;
  else if (session.myRole === 'observer') text = 'No one seated yet';
  else text = `Waiting for ${session.myRole === 'candidate' ? 'an interviewer' : 'a candidate'}`;
  return observers > 0 ? `${text} · ${String(observers)} observing` : text;
}
