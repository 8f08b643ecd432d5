import type { SessionStatus, SessionView } from '@mockboard/protocol';
import { formatAverage, recommendationLabel } from '../scorecard/scorecard-format';

export interface SessionGroup {
  id: 'live' | 'upcoming' | 'past';
  title: string;
  sessions: SessionView[];
}

// Live first: a session running now is the one a returning user most likely came back for.
const GROUPS: readonly (Omit<SessionGroup, 'sessions'> & { status: SessionStatus })[] = [
  { id: 'live', title: 'Live', status: 'live' },
  { id: 'upcoming', title: 'Upcoming', status: 'scheduled' },
  { id: 'past', title: 'Past', status: 'ended' },
];

/** The non-empty groups, each in the order the API lists sessions (newest first). */
export function groupSessions(sessions: readonly SessionView[]): SessionGroup[] {
  return GROUPS.map(({ status, ...group }) => ({ ...group, sessions: sessions.filter((s) => s.status === status) })).filter(
    (group) => group.sessions.length > 0,
  );
}

/** What a dashboard row says about the scorecard: the score when the user may see it, or what it waits for. */
export interface ScoreSummary {
  /** "Lean hire · 2.9 / 4", or null while there is nothing the user may see. */
  score: string | null;
  /** Where the scorecard stands when that matters to the user: "Not released yet", "Draft". */
  note: string | null;
}

export function scoreSummary(session: Pick<SessionView, 'status' | 'myRole' | 'scorecard'>): ScoreSummary | null {
  const card = session.scorecard;
  if (session.status !== 'ended' || !card || session.myRole === 'observer') return null;
  const parts = [recommendationLabel(card.recommendation), card.averageScore === null ? null : `${formatAverage(card.averageScore)} / 4`].filter(
    (part): part is string => part !== null,
  );
  const score = parts.length > 0 ? parts.join(' · ') : null;
  if (session.myRole === 'candidate') return { score, note: card.status === 'released' ? null : 'Scorecard not released yet' };
  switch (card.status) {
    case 'none':
      return { score, note: 'Scorecard not started' };
    case 'draft':
      return { score, note: 'Scorecard draft' };
    case 'submitted':
      return { score, note: 'Scorecard not released yet' };
    case 'released':
      return { score, note: null };
  }
}
