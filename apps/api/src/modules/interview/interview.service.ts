import { Injectable } from '@nestjs/common';
import type { InterviewSessionRow } from '@mockboard/db';
import { clockTransition, frameworkStep, problemBrief, RUBRIC_SIGNALS, STEP_IDS, type ProblemDefinition } from '@mockboard/interview';
import type { SessionControl, SessionGuide, SessionState, TimelineEvent } from '@mockboard/protocol';
import type { z } from 'zod';
import { SessionEndedEvents } from '../../core/events/session-events';
import { parseBody } from '../../core/http/zod-body.pipe';
import { ProblemsService } from '../problems/problems.service';
import { RoomFeatures } from '../room/room-features';
import { RoomParticipants } from '../room/room-participants';
import { visibilitiesFor, type InterviewActor } from './interview-actor';
import { InterviewError } from './interview.errors';
import { sessionStateOf, STATE_EVENT_TYPES } from './session-state';
import { SessionTimelineRepository, type LockedTimeline } from './session-timeline.repository';

/**
 * Runs the interview: the interviewer's commands move the clock and reveal clarifications, each recorded
 * on the timeline in the transaction that makes the change (rules I2, I3, I6), then pushed to the room.
 */
@Injectable()
export class InterviewService {
  constructor(
    private readonly problems: ProblemsService,
    private readonly timeline: SessionTimelineRepository,
    private readonly room: RoomFeatures,
    private readonly participants: RoomParticipants,
    private readonly ended: SessionEndedEvents,
  ) {}

  /**
   * Checks who asks (403), then what they sent (400), then whether it fits the session's status (409).
   * Over REST the caller is charged to the same per-user budget as the socket's commands.
   */
  async control(
    actor: InterviewActor,
    session: InterviewSessionRow,
    input: unknown,
    schema: z.ZodType<SessionControl>,
    via: 'rest' | 'socket',
  ): Promise<SessionState> {
    if (actor.role !== 'interviewer') throw InterviewError.interviewerOnly();
    if (via === 'rest' && !this.participants.budgetOf(session.id, actor.userId).controls.take()) throw InterviewError.tooFast();
    const command = parseBody(schema, input);
    const problem = await this.problemOf(session);
    const state = await this.timeline.locked(session.id, (timeline) => this.apply(timeline, actor, command, problem));
    this.room.broadcast(session.id, 'session:state', state);
    // Ending an ended session is a conflict, so an end that returns is the one that ended it.
    if (command.action === 'end') this.ended.publish(session.id);
    return state;
  }

  async state(session: InterviewSessionRow): Promise<SessionState> {
    const [events, problem, nextSessionId] = await Promise.all([
      this.timeline.list(session.id, ['all'], STATE_EVENT_TYPES),
      this.problemOf(session),
      this.timeline.nextSessionId(session.id),
    ]);
    return sessionStateOf(events, session.durationMinutes, problem, nextSessionId, Date.now());
  }

  /** Pushes the session's state to its room after a change made elsewhere (a role swap, rule R6). */
  async pushState(session: InterviewSessionRow): Promise<void> {
    this.room.broadcast(session.id, 'session:state', await this.state(session));
  }

  /** The interviewer's whole guide; nobody else's (rule I4). */
  async guide(actor: InterviewActor, session: InterviewSessionRow): Promise<SessionGuide> {
    if (actor.role !== 'interviewer') throw InterviewError.interviewerOnly();
    const problem = await this.problemOf(session);
    if (!problem) throw InterviewError.problemGone();
    const revealed = new Set((await this.state(session)).revealed.map((c) => c.id));
    return {
      problem: problemBrief(problem),
      clarifications: problem.clarifications.map((c) => ({ ...c, revealed: revealed.has(c.id) })),
      steps: STEP_IDS.map((step) => ({ step, goal: frameworkStep(step).goal, signals: [...RUBRIC_SIGNALS[step]], ...problem.guide[step] })),
      metrics: problem.metrics,
      expectedComponents: problem.expectedComponents,
    };
  }

  /** The events the actor's role may see, with their session time (rule I6). */
  async events(actor: InterviewActor, session: InterviewSessionRow): Promise<TimelineEvent[]> {
    const released = actor.role === 'candidate' && (await this.timeline.isScorecardReleased(session.id));
    const rows = await this.timeline.list(session.id, visibilitiesFor(actor.role, released));
    const startedAt = rows.find((r) => r.type === 'started')?.at.getTime();
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at.getTime(),
      atMs: startedAt === undefined || row.at.getTime() < startedAt ? null : row.at.getTime() - startedAt,
      type: row.type as TimelineEvent['type'],
      userId: row.userId,
      payload: row.payload,
    }));
  }

  private async apply(timeline: LockedTimeline, actor: InterviewActor, command: SessionControl, problem: ProblemDefinition | undefined): Promise<SessionState> {
    const { session } = timeline;
    const at = new Date();
    const events = await timeline.events(STATE_EVENT_TYPES);
    const nextSessionId = await timeline.nextSessionId();
    const stateAt = () => sessionStateOf(events, session.durationMinutes, problem, nextSessionId, at.getTime());
    const before = stateAt();
    if (command.action === 'reveal') {
      const clarification = problem?.clarifications.find((c) => c.id === command.clarificationId);
      if (!clarification) throw InterviewError.unknownClarification(command.clarificationId);
      if (before.status === 'ended') throw InterviewError.conflict('The interview has ended');
      if (before.revealed.some((c) => c.id === clarification.id)) return before;
      const { id: clarificationId, question, answer } = clarification;
      events.push(await timeline.append({ type: 'clarification_revealed', userId: actor.userId, payload: { clarificationId, question, answer } }, at));
      return stateAt();
    }
    const change = clockTransition(before, command);
    if (change === 'conflict') throw InterviewError.conflict(conflictMessage(command, before));
    if (change === null) return before;
    const payload = 'payload' in change ? change.payload : command.action === 'end' && before.status === 'scheduled' ? { cancelled: true } : {};
    events.push(await timeline.append({ type: change.type, userId: actor.userId, payload }, at));
    if (change.type === 'started') await timeline.setStatus({ status: 'live', startedAt: at });
    if (change.type === 'ended') {
      await timeline.setStatus({ status: 'ended', endedAt: at });
      await timeline.requestRecording();
    }
    return stateAt();
  }

  private async problemOf(session: InterviewSessionRow): Promise<ProblemDefinition | undefined> {
    return (await this.problems.forSessions([session.problemSlug])).get(session.problemSlug);
  }
}

function conflictMessage(command: SessionControl, state: SessionState): string {
  if (state.status === 'ended') return 'The interview has ended';
  if (state.status === 'scheduled') return 'The interview has not started yet';
  switch (command.action) {
    case 'start':
      return 'The interview has already started';
    case 'pause':
      return 'The interview is already paused';
    case 'resume':
      return 'The interview is not paused';
    default:
      return 'That does not fit the interview as it is';
  }
}
