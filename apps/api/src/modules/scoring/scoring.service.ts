import { Injectable } from '@nestjs/common';
import type { InterviewSessionRow, SessionEventRow } from '@mockboard/db';
import {
  emptyBodySchema,
  feedbackBodySchema,
  rubricNoteBodySchema,
  scorecardBodySchema,
  type Feedback,
  type RubricNote,
  type Scorecard,
} from '@mockboard/protocol';
import { parseBody } from '../../core/http/zod-body.pipe';
import type { InterviewActor } from '../interview/interview-actor';
import { InterviewService } from '../interview/interview.service';
import { SessionTimelineRepository } from '../interview/session-timeline.repository';
import { ProblemsService } from '../problems/problems.service';
import { SessionsService } from '../sessions/sessions.service';
import { scorecardMarkdown } from './scorecard-markdown';
import { completeSteps, missingForSubmit, scorecardView } from './scorecard-view';
import { ScorecardsRepository } from './scorecards.repository';
import { ScoringError } from './scoring.errors';

/**
 * The interviewer's scorecard, quick notes and the candidate's feedback. Every read checks the caller's
 * stored role and the release (rule R8); checks run 403 (role), 400 (body), 409 (state).
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly scorecards: ScorecardsRepository,
    private readonly sessions: SessionsService,
    private readonly interview: InterviewService,
    private readonly timeline: SessionTimelineRepository,
    private readonly problems: ProblemsService,
  ) {}

  async scorecard(actor: InterviewActor, session: InterviewSessionRow): Promise<Scorecard> {
    const row = await this.scorecards.find(session.id);
    assertMayRead(actor, !!row?.releasedAt);
    return scorecardView(session.id, row);
  }

  async saveDraft(actor: InterviewActor, session: InterviewSessionRow, input: unknown): Promise<Scorecard> {
    assertInterviewer(actor);
    const draft = parseBody(scorecardBodySchema, input);
    const seats = await this.sessions.seats(session.id);
    const row = await this.scorecards.locked(session.id, async (scoring) => {
      const existing = await scoring.scorecard(session.id);
      if (existing?.submittedAt) throw ScoringError.conflict('The scorecard is submitted: it can no longer change');
      return scoring.saveDraft(
        session.id,
        { ...draft, steps: completeSteps(draft.steps) },
        { interviewerId: seats.interviewer?.userId ?? null, candidateId: seats.candidate?.userId ?? null },
      );
    });
    return scorecardView(session.id, row);
  }

  async submit(actor: InterviewActor, session: InterviewSessionRow, input: unknown): Promise<Scorecard> {
    assertInterviewer(actor);
    parseBody(emptyBodySchema, input);
    // The seats as they are when the card is final: progress counts it for this candidate (rule R7).
    const seats = await this.sessions.seats(session.id);
    const row = await this.scorecards.locked(session.id, async (scoring) => {
      if (scoring.session.status !== 'ended') throw ScoringError.conflict('The scorecard can be submitted once the interview has ended');
      const existing = await scoring.scorecard(session.id);
      if (existing?.submittedAt) throw ScoringError.conflict('The scorecard is already submitted');
      const missing = missingForSubmit(scorecardView(session.id, existing));
      if (missing.length > 0) throw ScoringError.conflict(`The scorecard is missing ${missing.join(' and ')}`);
      return scoring.mark(session.id, {
        submittedAt: new Date(),
        interviewerId: seats.interviewer?.userId ?? existing?.interviewerId ?? null,
        candidateId: seats.candidate?.userId ?? existing?.candidateId ?? null,
      });
    });
    return scorecardView(session.id, row);
  }

  async release(actor: InterviewActor, session: InterviewSessionRow, input: unknown): Promise<Scorecard> {
    assertInterviewer(actor);
    parseBody(emptyBodySchema, input);
    const row = await this.scorecards.locked(session.id, async (scoring) => {
      const existing = await scoring.scorecard(session.id);
      if (!existing?.submittedAt) throw ScoringError.conflict('Submit the scorecard before releasing it');
      if (existing.releasedAt) throw ScoringError.conflict('The scorecard is already released');
      return scoring.mark(session.id, { releasedAt: new Date() });
    });
    return scorecardView(session.id, row);
  }

  async markdown(actor: InterviewActor, session: InterviewSessionRow): Promise<string> {
    const card = await this.scorecard(actor, session);
    const [notes, seats, problems] = await Promise.all([
      this.notes(actor, session),
      this.sessions.seats(session.id),
      this.problems.forSessions([session.problemSlug]),
    ]);
    return scorecardMarkdown(card, notes, {
      problemTitle: problems.get(session.problemSlug)?.title ?? session.problemSlug,
      interviewer: seats.interviewer?.displayName ?? 'Interviewer',
      candidate: seats.candidate?.displayName ?? 'Candidate',
      endedAt: session.endedAt,
    });
  }

  /** A quick note, pinned to the session time and the step current when it was written (rule R3). */
  async addNote(actor: InterviewActor, session: InterviewSessionRow, input: unknown): Promise<RubricNote> {
    assertInterviewer(actor);
    const body = parseBody(rubricNoteBodySchema, input);
    const state = await this.interview.state(session);
    const step = body.step ?? state.currentStep;
    // Checked under the session's lock, which release takes too: a note sent as the card is released is refused, never written after it.
    const row = await this.timeline.locked(session.id, async (timeline) => {
      if (await timeline.isScorecardReleased()) throw ScoringError.conflict('The scorecard is released: notes can no longer be added');
      return timeline.append({ type: 'rubric_note', userId: actor.userId, payload: { text: body.text, step }, visibility: 'interviewer' }, new Date());
    });
    return toNote(row, state.startedAt);
  }

  async notes(actor: InterviewActor, session: InterviewSessionRow): Promise<RubricNote[]> {
    assertMayRead(actor, actor.role === 'candidate' && (await this.timeline.isScorecardReleased(session.id)));
    const [rows, state] = await Promise.all([this.timeline.list(session.id, ['interviewer'], ['rubric_note']), this.interview.state(session)]);
    return rows.map((row) => toNote(row, state.startedAt));
  }

  /** The candidate rates the interviewer after the end, until the scorecard is released (rule R5). */
  async saveFeedback(actor: InterviewActor, session: InterviewSessionRow, input: unknown): Promise<Feedback> {
    if (actor.role !== 'candidate') throw actor.role === 'observer' ? ScoringError.observers() : ScoringError.candidateOnly();
    const body = parseBody(feedbackBodySchema, input);
    const row = await this.scorecards.locked(session.id, async (scoring) => {
      if (scoring.session.status !== 'ended') throw ScoringError.conflict('Feedback opens once the interview has ended');
      if ((await scoring.scorecard(session.id))?.releasedAt) throw ScoringError.conflict('The scorecard is released: your feedback is final');
      return scoring.saveFeedback(session.id, actor.userId, body.helpfulness, body.comment);
    });
    return { helpfulness: row.helpfulness as Feedback['helpfulness'], comment: row.comment, updatedAt: row.updatedAt.toISOString() };
  }

  async feedback(actor: InterviewActor, session: InterviewSessionRow): Promise<Feedback | null> {
    if (actor.role === 'observer') throw ScoringError.observers();
    if (actor.role === 'interviewer' && !(await this.timeline.isScorecardReleased(session.id))) throw ScoringError.notReleased();
    const row = await this.scorecards.feedback(session.id);
    return row ? { helpfulness: row.helpfulness as Feedback['helpfulness'], comment: row.comment, updatedAt: row.updatedAt.toISOString() } : null;
  }
}

function assertInterviewer(actor: InterviewActor): void {
  if (actor.role !== 'interviewer') throw actor.role === 'observer' ? ScoringError.observers() : ScoringError.interviewerOnly();
}

/** The interviewer always; the candidate once released; observers never (rule R8). */
function assertMayRead(actor: InterviewActor, releasedToCandidate: boolean): void {
  if (actor.role === 'interviewer') return;
  if (actor.role === 'observer') throw ScoringError.observers();
  if (!releasedToCandidate) throw ScoringError.notReleased();
}

function toNote(row: SessionEventRow, startedAt: number | null): RubricNote {
  const at = row.at.getTime();
  return {
    id: row.seq,
    step: (row.payload['step'] as RubricNote['step']) ?? null,
    atMs: startedAt === null || at < startedAt ? null : at - startedAt,
    text: String(row.payload['text'] ?? ''),
  };
}
