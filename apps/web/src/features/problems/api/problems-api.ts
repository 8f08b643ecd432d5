import type { ProblemBody, ProblemListResponse, ProblemSummary, StoredProblem } from '@mockboard/protocol';
import { api, apiRequest } from '../../../lib/api-client';

const problemPath = (slug: string) => `/api/problems/${encodeURIComponent(slug)}`;

/** The built-in bank plus the caller's own problems. */
export async function fetchProblems(): Promise<ProblemSummary[]> {
  return (await api.get<ProblemListResponse>('/api/problems')).problems;
}

/** The whole stored problem, guide included: its author only (anyone else gets 404). */
export function fetchProblemDefinition(slug: string): Promise<StoredProblem> {
  return api.get<StoredProblem>(`${problemPath(slug)}/definition`);
}

export function createProblem(body: ProblemBody): Promise<StoredProblem> {
  return api.post<StoredProblem>('/api/problems', body);
}

export function updateProblem(slug: string, body: ProblemBody): Promise<StoredProblem> {
  return apiRequest<StoredProblem>('PUT', problemPath(slug), body);
}

export function deleteProblem(slug: string): Promise<void> {
  return apiRequest<undefined>('DELETE', problemPath(slug));
}
