import type { ChatHistoryResponse, ChatMessage, SessionGuide, SessionState } from '@mockboard/protocol';
import { api } from '../../../lib/api-client';

const base = (sessionId: string): string => `/api/sessions/${encodeURIComponent(sessionId)}`;

/** Room data lives under its own key prefix, so invalidating the session lists never refetches it. */
export const roomQueryKeys = {
  state: (sessionId: string) => ['room', sessionId, 'state'] as const,
  guide: (sessionId: string) => ['room', sessionId, 'guide'] as const,
  chat: (sessionId: string) => ['room', sessionId, 'chat'] as const,
};

/** The interviewer's guide; anyone else gets a 403, so only the interviewer's room asks for it. */
export function fetchGuide(sessionId: string): Promise<SessionGuide> {
  return api.get<SessionGuide>(`${base(sessionId)}/guide`);
}

export async function fetchChatHistory(sessionId: string): Promise<ChatMessage[]> {
  return (await api.get<ChatHistoryResponse>(`${base(sessionId)}/chat`)).messages;
}

export function fetchSessionState(sessionId: string): Promise<SessionState> {
  return api.get<SessionState>(`${base(sessionId)}/state`);
}
