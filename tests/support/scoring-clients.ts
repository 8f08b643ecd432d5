import { RUBRIC_SIGNALS, STEP_IDS, type FrameworkStepId, type Recommendation, type StepMark } from '@mockboard/interview';
import type {
  ApiErrorBody,
  Feedback,
  FeedbackResponse,
  ProgressResponse,
  RubricNote,
  RubricNotesResponse,
  RubricResponse,
  Scorecard,
  ScorecardBody,
  SessionView,
} from '@mockboard/protocol';
import { requestJson, type JsonResponse } from './http';
import { joinSession, type Person } from './session-fixture';

type Answer<T> = JsonResponse<T & Partial<ApiErrorBody>>;

/** A text answer (the Markdown scorecard), with its content type; an error's JSON parsed into `body`. */
export interface TextResponse {
  status: number;
  contentType: string | null;
  text: string;
  body?: ApiErrorBody;
}

/** The scoring routes (rules R1-R7), one function each; `token` undefined means signed out. */
export function scoringApi(baseUrl: string) {
  const at = (id: string, tail: string) => `/api/sessions/${id}/${tail}`;
  return {
    rubric: (token: string | undefined): Promise<Answer<RubricResponse>> => requestJson(baseUrl, '/api/rubric', { token }),
    progress: (token: string | undefined): Promise<Answer<ProgressResponse>> => requestJson(baseUrl, '/api/me/progress', { token }),
    scorecard: (id: string, token: string | undefined): Promise<Answer<Scorecard>> => requestJson(baseUrl, at(id, 'scorecard'), { token }),
    saveDraft: (id: string, token: string | undefined, body: unknown): Promise<Answer<Scorecard>> =>
      requestJson(baseUrl, at(id, 'scorecard'), { method: 'PUT', token, body }),
    async markdown(id: string, token: string | undefined): Promise<TextResponse> {
      const response = await fetch(`${baseUrl}${at(id, 'scorecard.md')}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const contentType = response.headers.get('content-type');
      const text = await response.text();
      return { status: response.status, contentType, text, body: contentType?.startsWith('application/json') ? (JSON.parse(text) as ApiErrorBody) : undefined };
    },
    submit: (id: string, token: string | undefined, body?: unknown): Promise<Answer<Scorecard>> =>
      requestJson(baseUrl, at(id, 'scorecard/submit'), { method: 'POST', token, body }),
    release: (id: string, token: string | undefined, body?: unknown): Promise<Answer<Scorecard>> =>
      requestJson(baseUrl, at(id, 'scorecard/release'), { method: 'POST', token, body }),
    addNote: (id: string, token: string | undefined, body: unknown): Promise<Answer<RubricNote>> =>
      requestJson(baseUrl, at(id, 'rubric-notes'), { method: 'POST', token, body }),
    notes: (id: string, token: string | undefined): Promise<Answer<RubricNotesResponse>> => requestJson(baseUrl, at(id, 'rubric-notes'), { token }),
    saveFeedback: (id: string, token: string | undefined, body: unknown): Promise<Answer<Feedback>> =>
      requestJson(baseUrl, at(id, 'feedback'), { method: 'PUT', token, body }),
    feedback: (id: string, token: string | undefined): Promise<Answer<FeedbackResponse>> => requestJson(baseUrl, at(id, 'feedback'), { token }),
    swap: (id: string, token: string | undefined, body?: unknown): Promise<Answer<SessionView>> =>
      requestJson(baseUrl, at(id, 'swap'), { method: 'POST', token, body }),
    session: (id: string, token: string | undefined): Promise<Answer<SessionView>> => requestJson(baseUrl, `/api/sessions/${id}`, { token }),
  };
}
export type ScoringApi = ReturnType<typeof scoringApi>;

/** A draft with every step marked (a score, or `not_covered`), one signal ticked on each, and a recommendation. */
export function completeDraft(
  marks: Partial<Record<FrameworkStepId, StepMark>> = {},
  extra: { recommendation?: Recommendation; strengths?: string; improvements?: string; message?: string } = {},
): ScorecardBody {
  return {
    steps: STEP_IDS.map((step) => {
      const score = step in marks ? (marks[step] ?? null) : 3;
      return { step, score, signals: score === 'not_covered' ? [] : [RUBRIC_SIGNALS[step][0]?.id ?? ''], notes: '' };
    }),
    recommendation: extra.recommendation ?? 'lean_hire',
    strengths: extra.strengths ?? '',
    improvements: extra.improvements ?? '',
    message: extra.message ?? '',
  };
}

/** A session `interviewer` created (45 minutes), with `candidate` seated and any `observers` watching; its id. */
export async function castSession(
  baseUrl: string,
  people: { interviewer: Person; candidate?: Person; observers?: Person[] },
  problemSlug = 'video-recommendation',
): Promise<SessionView> {
  const created = await requestJson<SessionView>(baseUrl, '/api/sessions', { body: { problemSlug }, token: people.interviewer.token });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const code = created.body.inviteCode ?? '';
  if (people.candidate && (await joinSession(baseUrl, people.candidate, code)).role !== 'candidate') throw new Error('the candidate was not seated');
  for (const observer of people.observers ?? []) {
    if ((await joinSession(baseUrl, observer, code)).role !== 'observer') throw new Error('the observer was not an observer');
  }
  return created.body;
}

/** A REST interview command that must succeed (start, step, pause, resume, end). */
export async function command(baseUrl: string, sessionId: string, action: 'start' | 'step' | 'pause' | 'resume' | 'end', token: string, body?: unknown): Promise<void> {
  const response = await requestJson(baseUrl, `/api/sessions/${sessionId}/${action}`, { method: 'POST', token, body });
  if (response.status !== 200) throw new Error(`${action} answered ${response.status} ${JSON.stringify(response.body)}`);
}

/** How far a scored session has gone. */
export type ScoringPhase = 'scheduled' | 'live' | 'ended' | 'submitted' | 'released';
export const SCORING_PHASES: readonly ScoringPhase[] = ['scheduled', 'live', 'ended', 'submitted', 'released'];

/**
 * Brings a session to `phase`: started and ended as needed, a complete draft saved from `live` on (`draft`
 * replaces it), submitted and released. Every step goes through the REST routes, as a client would.
 */
export async function bringTo(baseUrl: string, sessionId: string, interviewer: Person, phase: ScoringPhase, draft: ScorecardBody = completeDraft()): Promise<void> {
  const api = scoringApi(baseUrl);
  const expectOk = <T>(what: string, response: JsonResponse<T>) => {
    if (response.status !== 200) throw new Error(`${what} answered ${response.status} ${JSON.stringify(response.body)}`);
  };
  if (phase === 'scheduled') return;
  await command(baseUrl, sessionId, 'start', interviewer.token);
  expectOk('PUT scorecard', await api.saveDraft(sessionId, interviewer.token, draft));
  if (phase === 'live') return;
  await command(baseUrl, sessionId, 'end', interviewer.token);
  if (phase === 'ended') return;
  expectOk('submit', await api.submit(sessionId, interviewer.token));
  if (phase === 'submitted') return;
  expectOk('release', await api.release(sessionId, interviewer.token));
}
