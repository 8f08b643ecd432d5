import type { RubricNote, RubricNoteBody, RubricNotesResponse, Scorecard, ScorecardBody } from '@mockboard/protocol';
import { api, apiRequest } from '../../../lib/api-client';

const base = (sessionId: string): string => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** The interviewer's scoring data; only the interviewer's room asks for it (anyone else: 403 until release). */
export const scoringQueryKeys = {
  scorecard: (sessionId: string) => ['room', sessionId, 'scorecard'] as const,
  rubricNotes: (sessionId: string) => ['room', sessionId, 'rubric-notes'] as const,
};

export function fetchScorecard(sessionId: string): Promise<Scorecard> {
  return api.get<Scorecard>(`${base(sessionId)}/scorecard`);
}

export function saveScorecard(sessionId: string, body: ScorecardBody): Promise<Scorecard> {
  return apiRequest<Scorecard>('PUT', `${base(sessionId)}/scorecard`, body);
}

export function submitScorecard(sessionId: string): Promise<Scorecard> {
  return api.post<Scorecard>(`${base(sessionId)}/scorecard/submit`);
}

export function releaseScorecard(sessionId: string): Promise<Scorecard> {
  return api.post<Scorecard>(`${base(sessionId)}/scorecard/release`);
}

export async function fetchRubricNotes(sessionId: string): Promise<RubricNote[]> {
  return (await api.get<RubricNotesResponse>(`${base(sessionId)}/rubric-notes`)).notes;
}

export function postRubricNote(sessionId: string, body: RubricNoteBody): Promise<RubricNote> {
  return api.post<RubricNote>(`${base(sessionId)}/rubric-notes`, body);
}
