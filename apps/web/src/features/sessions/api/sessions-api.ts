import type {
  CreateSessionBody,
  InvitePreview,
  InviteResponse,
  JoinSessionResponse,
  NextRoundResponse,
  SessionListResponse,
  SessionView,
  SwapBody,
} from '@mockboard/protocol';
import { api } from '../../../lib/api-client';

export async function fetchSessions(): Promise<SessionView[]> {
  return (await api.get<SessionListResponse>('/api/sessions')).sessions;
}

export function fetchSession(id: string): Promise<SessionView> {
  return api.get<SessionView>(`/api/sessions/${encodeURIComponent(id)}`);
}

export function createSession(body: CreateSessionBody): Promise<SessionView> {
  return api.post<SessionView>('/api/sessions', body);
}

export function joinSession(inviteCode: string): Promise<JoinSessionResponse> {
  return api.post<JoinSessionResponse>('/api/sessions/join', { inviteCode });
}

export function rotateInvite(sessionId: string): Promise<InviteResponse> {
  return api.post<InviteResponse>(`/api/sessions/${encodeURIComponent(sessionId)}/invite/rotate`);
}

/** Public: what an invite is for and who sent it, shown before the invitee signs in or joins. */
export function fetchInvitePreview(inviteCode: string): Promise<InvitePreview> {
  return api.get<InvitePreview>(`/api/invites/${encodeURIComponent(inviteCode)}`);
}

/** The next round with the seats reversed; calling it again answers the same session. */
export function swapRoles(sessionId: string, body: SwapBody = {}): Promise<SessionView> {
  return api.post<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}/swap`, body);
}

/** The next round, or the problem a swap would suggest for it. */
export function fetchNextRound(sessionId: string): Promise<NextRoundResponse> {
  return api.get<NextRoundResponse>(`/api/sessions/${encodeURIComponent(sessionId)}/next-round`);
}
