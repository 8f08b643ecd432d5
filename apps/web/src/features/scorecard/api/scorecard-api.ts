import type { FeedbackBody, FeedbackResponse, RubricNotesResponse, Scorecard } from '@mockboard/protocol';
import { api, apiRequest } from '../../../lib/api-client';

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export function fetchScorecard(sessionId: string): Promise<Scorecard> {
  return api.get<Scorecard>(`${base(sessionId)}/scorecard`);
}

/** The Markdown export: a plain link (the cookie goes with it), for whoever may read the scorecard. */
export function scorecardMarkdownUrl(sessionId: string): string {
  return `${base(sessionId)}/scorecard.md`;
}

export function fetchRubricNotes(sessionId: string): Promise<RubricNotesResponse> {
  return api.get<RubricNotesResponse>(`${base(sessionId)}/rubric-notes`);
}

export function fetchFeedback(sessionId: string): Promise<FeedbackResponse> {
  return api.get<FeedbackResponse>(`${base(sessionId)}/feedback`);
}

/** The candidate's rating of the interviewer; the answer is not used (the feedback is read again). */
export async function sendFeedback(sessionId: string, body: FeedbackBody): Promise<void> {
  await apiRequest<unknown>('PUT', `${base(sessionId)}/feedback`, body);
}
