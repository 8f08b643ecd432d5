import type { SessionView } from '@mockboard/protocol';

export interface SessionMoment {
  /** What happened last: the time the dashboard row shows. */
  event: 'started' | 'ended' | 'created';
  at: Date;
}

/** The latest of ended, started and created: what a returning user wants to know about a session. */
export function sessionMoment(session: Pick<SessionView, 'createdAt' | 'startedAt' | 'endedAt'>): SessionMoment {
  if (session.endedAt) return { event: 'ended', at: new Date(session.endedAt) };
  if (session.startedAt) return { event: 'started', at: new Date(session.startedAt) };
  return { event: 'created', at: new Date(session.createdAt) };
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// English like the rest of the sentence it ends ("started 5 minutes ago"); the absolute date beside it
// follows the browser's locale.
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "in 2 hours" (a clock slightly ahead of the server's). */
export function relativeTime(at: Date, now: number): string {
  const seconds = Math.round((at.getTime() - now) / 1000);
  if (Math.abs(seconds) < 60) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return RELATIVE.format(Math.trunc(seconds / size), unit);
  }
  return RELATIVE.format(Math.trunc(seconds / 60), 'minute');
}
