import type { SessionEventRow } from '@mockboard/db';
import { CLOCK_EVENT_TYPES, sessionClock, type ClockEvent, type ProblemDefinition } from '@mockboard/interview';
import type { SessionState, TimelineEventType } from '@mockboard/protocol';

/** The timeline events the session state is computed from. */
export const STATE_EVENT_TYPES: readonly TimelineEventType[] = [...CLOCK_EVENT_TYPES, 'clarification_revealed'];

/** `session:state` as the timeline describes it at `now` (rule I1). */
export function sessionStateOf(
  events: readonly SessionEventRow[],
  durationMinutes: number,
  problem: ProblemDefinition | undefined,
  nextSessionId: string | null,
  now: number,
): SessionState {
  const clockEvents = events.filter((e) => e.type !== 'clarification_revealed').map(toClockEvent);
  const revealedIds = new Set(events.filter((e) => e.type === 'clarification_revealed').map((e) => e.payload['clarificationId']));
  return {
    ...sessionClock(clockEvents, durationMinutes, now),
    serverNow: now,
    version: events.at(-1)?.seq ?? 0,
    revealed: (problem?.clarifications ?? []).filter((c) => revealedIds.has(c.id)).map(({ id, question, answer }) => ({ id, question, answer })),
    nextSessionId,
  };
}

function toClockEvent(row: SessionEventRow): ClockEvent {
  return { type: row.type, at: row.at.getTime(), payload: row.payload } as ClockEvent;
}
