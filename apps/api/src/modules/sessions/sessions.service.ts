import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import type { InterviewSessionRow, ScorecardRow } from '@mockboard/db';
import { averageScore, PROBLEMS, problemBrief, type ProblemBrief, type ProblemDefinition } from '@mockboard/interview';
import {
  CUSTOM_PROBLEM_PREFIX,
  SEAT_ROLES,
  swapBodySchema,
  type InvitePreview,
  type InviteResponse,
  type JoinSessionResponse,
  type NextRoundResponse,
  type ParticipantRole,
  type SeatRole,
  type SessionParticipant,
  type SessionView,
} from '@mockboard/protocol';
import { APP_CONFIG } from '../../core/config/config.module';
import { AccessEvents } from '../../core/events/access-events';
import { parseBody } from '../../core/http/zod-body.pipe';
import { ProblemError } from '../problems/problems.errors';
import { ProblemsService } from '../problems/problems.service';
import { newInviteCode, normaliseInviteCode } from './invite-code';
import { SessionLimits } from './session-limits.service';
import { SessionError } from './sessions.errors';
import { SessionsRepository } from './sessions.repository';

const LIST_LIMIT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionAccess {
  session: InterviewSessionRow;
  role: ParticipantRole;
}

@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly limits: SessionLimits,
    private readonly accessEvents: AccessEvents,
    private readonly problems: ProblemsService,
  ) {}

  async create(userId: string, input: { problemSlug: string; role: SeatRole; durationMinutes: number }): Promise<SessionView> {
    await this.assertUsableProblem(userId, input.problemSlug);
    await this.limits.takeCreation(userId);
    const session = await this.sessions.create({
      problemSlug: input.problemSlug,
      durationMinutes: input.durationMinutes,
      inviteCode: newInviteCode(),
      createdBy: userId,
      creatorRole: input.role,
    });
    return this.view(session, input.role);
  }

  async join(userId: string, rawCode: string, clientAddress: string): Promise<JoinSessionResponse> {
    await this.limits.takeJoinAttempt(clientAddress);
    const session = await this.sessions.findByInviteCode(normaliseInviteCode(rawCode));
    if (!session) throw SessionError.inviteNotFound();
    await this.limits.forgiveJoinAttempt(clientAddress);
    const existing = await this.sessions.findRole(session.id, userId);
    if (existing) return { id: session.id, role: existing };

    const seated = new Set((await this.sessions.participants([session.id])).get(session.id)?.map((p) => p.role));
    for (const seat of SEAT_ROLES.filter((role) => !seated.has(role))) {
      if (await this.sessions.tryAddParticipant(session.id, userId, seat)) return { id: session.id, role: seat };
    }
    const maxObservers = this.config.limits.maxObservers;
    if ((await this.sessions.tryAddObserver(session.id, userId, maxObservers)) === 'added') return { id: session.id, role: 'observer' };
    // Re-read: a concurrent join by the same user may have seated them first.
    const role = await this.sessions.findRole(session.id, userId);
    if (!role) throw SessionError.full(maxObservers);
    return { id: session.id, role };
  }

  /** What an invite is for; wrong codes count against the address like a failed join. */
  async previewInvite(rawCode: string, clientAddress: string): Promise<InvitePreview> {
    await this.limits.takeJoinAttempt(clientAddress);
    const session = await this.sessions.findByInviteCode(normaliseInviteCode(rawCode));
    if (!session) throw SessionError.inviteNotFound();
    await this.limits.forgiveJoinAttempt(clientAddress);
    const participants = (await this.sessions.participants([session.id])).get(session.id) ?? [];
    const problem = (await this.problems.forSessions([session.problemSlug])).get(session.problemSlug);
    const inviter = participants.find((p) => p.userId === session.createdBy) ?? participants.find((p) => p.role !== 'observer');
    return {
      problem: { title: problem?.title ?? session.problemSlug, summary: problem?.summary ?? '' },
      invitedBy: inviter?.displayName ?? 'Someone',
      durationMinutes: session.durationMinutes,
      status: session.status,
    };
  }

  async list(userId: string): Promise<SessionView[]> {
    const rows = await this.sessions.listForUser(userId, LIST_LIMIT);
    const participants = await this.sessions.participants(rows.map((r) => r.id));
    const ids = rows.map((r) => r.id);
    const [problems, nextRounds, cards] = await Promise.all([
      this.problems.forSessions(rows.map((r) => r.problemSlug)),
      this.sessions.nextRounds(ids),
      this.sessions.scorecards(ids),
    ]);
    return rows.map((row) =>
      this.toView(row, row.myRole, {
        participants: participants.get(row.id) ?? [],
        problem: problems.get(row.problemSlug),
        nextSessionId: nextRounds.get(row.id) ?? null,
        scorecard: cards.get(row.id),
      }),
    );
  }

  async get(userId: string, sessionId: string): Promise<SessionView> {
    const { session, role } = await this.access(userId, sessionId);
    return this.view(session, role);
  }

  async rotateInvite(userId: string, sessionId: string): Promise<InviteResponse> {
    const { session, role } = await this.access(userId, sessionId);
    if (role !== 'interviewer' && session.createdBy !== userId) throw SessionError.interviewerOnly();
    const inviteCode = newInviteCode();
    await this.sessions.setInviteCode(session.id, inviteCode);
    return { inviteCode, inviteUrl: this.inviteUrl(inviteCode) };
  }

  /**
   * Takes someone out of a session: the interviewer (or the creator) removes another participant, or a
   * participant leaves. Their room sockets are closed at once (docs/protocol.md, rule P10); a seat they
   * held is free again for the invite link.
   */
  async removeParticipant(userId: string, sessionId: string, targetUserId: string): Promise<void> {
    const { session, role } = await this.access(userId, sessionId);
    if (!UUID.test(targetUserId)) throw SessionError.notParticipantOf();
    const leaving = targetUserId === userId;
    if (!leaving && role !== 'interviewer' && session.createdBy !== userId) throw SessionError.interviewerOnly();
    if (!(await this.sessions.removeParticipant(session.id, targetUserId))) throw SessionError.notParticipantOf();
    this.accessEvents.publish({ kind: 'left_session', sessionId: session.id, userId: targetUserId });
  }

  /**
   * The next round with the same two people, seats reversed (rule R6). Idempotent: whoever asks second,
   * or again, gets the round that exists. Observers do not carry over.
   */
  async swap(userId: string, sessionId: string, rawBody: unknown): Promise<{ session: SessionView; created: boolean; previous: InterviewSessionRow }> {
    const { session, role } = await this.access(userId, sessionId);
    if (role === 'observer') throw SessionError.seatedOnly();
    const body = parseBody(swapBodySchema, rawBody);
    const existing = await this.sessions.findNextRound(session.id);
    if (existing) return { session: await this.view(existing, await this.roleIn(existing.id, userId)), created: false, previous: session };
    if (session.status !== 'ended') throw SessionError.conflict('Roles can be swapped once the interview has ended');
    const seats = (await this.sessions.participants([session.id])).get(session.id) ?? [];
    const interviewer = seats.find((p) => p.role === 'interviewer');
    const candidate = seats.find((p) => p.role === 'candidate');
    if (!interviewer || !candidate) throw SessionError.conflict('Swapping roles needs both seats taken');
    const problemSlug = body.problemSlug ?? (await this.suggestProblemFor(interviewer.userId, session.problemSlug));
    await this.assertUsableProblem(userId, problemSlug);
    const created = await this.sessions.createNextRound({
      previousSessionId: session.id,
      problemSlug,
      durationMinutes: session.durationMinutes,
      inviteCode: newInviteCode(),
      createdBy: userId,
      interviewerId: candidate.userId,
      candidateId: interviewer.userId,
    });
    const next = created ?? (await this.sessions.findNextRound(session.id));
    if (!next) throw new Error(`next round of ${session.id} vanished`);
    return { session: await this.view(next, await this.roleIn(next.id, userId)), created: created !== undefined, previous: session };
  }

  private async assertUsableProblem(userId: string, slug: string): Promise<void> {
    if (await this.problems.visibleTo(userId, slug)) return;
    // Another user's private problem is as unknown as one that does not exist (404, like its own routes).
    if (slug.startsWith(CUSTOM_PROBLEM_PREFIX)) throw ProblemError.notFound(slug);
    throw SessionError.unknownProblem(slug);
  }

  /** The next round if there is one, and the problem a swap would suggest to its interviewer (rule R6). */
  async nextRound(userId: string, sessionId: string): Promise<NextRoundResponse> {
    const { session, role } = await this.access(userId, sessionId);
    if (role === 'observer') throw SessionError.seatedOnly();
    const [next, seats] = await Promise.all([this.sessions.findNextRound(session.id), this.seats(session.id)]);
    const newCandidate = seats.interviewer?.userId;
    const suggestedProblemSlug = newCandidate ? await this.suggestProblemFor(newCandidate, session.problemSlug) : session.problemSlug;
    return { nextSessionId: next?.id ?? null, suggestedProblemSlug };
  }

  /** A built-in problem the new candidate has not practised as a candidate, else the next one in the bank. */
  private async suggestProblemFor(newCandidateId: string, current: string): Promise<string> {
    const practised = await this.sessions.problemsPractisedAsCandidate(newCandidateId);
    const fresh = PROBLEMS.find((p) => !practised.has(p.slug) && p.slug !== current);
    return (fresh ?? PROBLEMS.find((p) => p.slug !== current) ?? PROBLEMS[0])?.slug ?? current;
  }

  private async roleIn(sessionId: string, userId: string): Promise<ParticipantRole> {
    const role = await this.sessions.findRole(sessionId, userId);
    if (!role) throw SessionError.notParticipant();
    return role;
  }

  /** Who holds the two seats of a session. */
  async seats(sessionId: string): Promise<{ interviewer?: SessionParticipant; candidate?: SessionParticipant }> {
    const participants = (await this.sessions.participants([sessionId])).get(sessionId) ?? [];
    return { interviewer: participants.find((p) => p.role === 'interviewer'), candidate: participants.find((p) => p.role === 'candidate') };
  }

  /** The caller's role in a session; throws not_found / forbidden. Also used by the room's handshake. */
  async access(userId: string, sessionId: string): Promise<SessionAccess> {
    if (!UUID.test(sessionId)) throw SessionError.notFound();
    const session = await this.sessions.findById(sessionId);
    if (!session) throw SessionError.notFound();
    const role = await this.sessions.findRole(sessionId, userId);
    if (!role) throw SessionError.notParticipant();
    return { session, role };
  }

  private async view(session: InterviewSessionRow, myRole: ParticipantRole): Promise<SessionView> {
    const [participants, problems, nextRounds, cards] = await Promise.all([
      this.sessions.participants([session.id]),
      this.problems.forSessions([session.problemSlug]),
      this.sessions.nextRounds([session.id]),
      this.sessions.scorecards([session.id]),
    ]);
    return this.toView(session, myRole, {
      participants: participants.get(session.id) ?? [],
      problem: problems.get(session.problemSlug),
      nextSessionId: nextRounds.get(session.id) ?? null,
      scorecard: cards.get(session.id),
    });
  }

  private toView(session: InterviewSessionRow, myRole: ParticipantRole, related: RelatedToSession): SessionView {
    const { participants, problem } = related;
    // Observers watch; only the two seated people may hand out the link.
    const canInvite = myRole !== 'observer';
    return {
      id: session.id,
      status: session.status,
      problem: problem ? problemBrief(problem) : missingProblem(session.problemSlug),
      durationMinutes: session.durationMinutes,
      createdAt: session.createdAt.toISOString(),
      startedAt: session.startedAt?.toISOString() ?? null,
      endedAt: session.endedAt?.toISOString() ?? null,
      inviteCode: canInvite ? session.inviteCode : null,
      inviteUrl: canInvite ? this.inviteUrl(session.inviteCode) : null,
      participants,
      myRole,
      previousSessionId: session.previousSessionId,
      nextSessionId: related.nextSessionId,
      scorecard: scorecardSummary(myRole, related.scorecard),
    };
  }

  private inviteUrl(code: string): string {
    return `${this.config.publicUrl}/join/${code}`;
  }
}

interface RelatedToSession {
  participants: SessionParticipant[];
  problem: ProblemDefinition | undefined;
  nextSessionId: string | null;
  scorecard: ScorecardRow | undefined;
}

/** What the caller may know of the scorecard (rule R8): observers nothing, the candidate the figures only once released. */
function scorecardSummary(role: ParticipantRole, card: ScorecardRow | undefined): SessionView['scorecard'] {
  if (role === 'observer') return null;
  const status = !card ? 'none' : card.releasedAt ? 'released' : card.submittedAt ? 'submitted' : 'draft';
  if (!card || (role === 'candidate' && !card.releasedAt)) return { status, recommendation: null, averageScore: null };
  return { status, recommendation: card.recommendation ?? null, averageScore: averageScore(card.steps) };
}

/** A session whose problem is gone (its author's account was deleted): the slug is all that is left. */
function missingProblem(slug: string): ProblemBrief {
  return { slug, title: slug, summary: '', prompt: '', taskType: 'classification', tags: [], difficulty: 'medium', custom: true };
}
