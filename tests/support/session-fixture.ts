import type { AuthResponse, JoinSessionResponse, SessionView } from '@mockboard/protocol';
import { requestJson, uniqueEmail } from './http';

export interface Person {
  token: string;
  userId: string;
}

export async function signUp(baseUrl: string, name: string): Promise<Person> {
  const response = await requestJson<AuthResponse>(baseUrl, '/api/auth/register', {
    body: { email: uniqueEmail(name.toLowerCase()), password: 'fixture-password', displayName: name },
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { token: response.body.token, userId: response.body.user.id };
}

/** An interviewer's session with a seated candidate, as most room tests need. */
export async function seatedSession(baseUrl: string): Promise<{ session: SessionView; interviewer: Person; candidate: Person }> {
  const interviewer = await signUp(baseUrl, 'Interviewer');
  const candidate = await signUp(baseUrl, 'Candidate');
  const created = await requestJson<SessionView>(baseUrl, '/api/sessions', {
    body: { problemSlug: 'video-recommendation' },
    token: interviewer.token,
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  await joinSession(baseUrl, candidate, created.body.inviteCode ?? '');
  return { session: created.body, interviewer, candidate };
}

export async function joinSession(baseUrl: string, person: Person, inviteCode: string): Promise<JoinSessionResponse> {
  const joined = await requestJson<JoinSessionResponse>(baseUrl, '/api/sessions/join', { body: { inviteCode }, token: person.token });
  if (joined.status !== 200) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
  return joined.body;
}
