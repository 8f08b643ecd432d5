import {
  PROTOCOL_VERSION,
  ROOM_NAMESPACE,
  type ApiErrorBody,
  type AuthResponse,
  type ChatAck,
  type ChatMessage,
  type ControlAck,
  type RoomError,
  type SessionState,
  type SessionView,
} from '@mockboard/protocol';
import { io, type Socket } from 'socket.io-client';
import { requestJson, type JsonResponse } from './http';
import { eventually } from './room-clients';
import { joinSession, signUp, type Person } from './session-fixture';

/** Everyone the interview's permission rules tell apart, in one session. */
export interface InterviewCast {
  session: SessionView;
  interviewer: Person;
  candidate: Person;
  observer: Person;
  /** Signed in, but not in the session. */
  stranger: Person;
}

/** A session created by its interviewer, with a seated candidate, an observer, and a stranger outside it. */
export async function interviewCast(baseUrl: string, options: { problemSlug?: string; durationMinutes?: 45 | 60 } = {}): Promise<InterviewCast> {
  const [interviewer, candidate, observer, stranger] = await Promise.all([
    signUp(baseUrl, 'Iris'),
    signUp(baseUrl, 'Cole'),
    signUp(baseUrl, 'Olga'),
    signUp(baseUrl, 'Stan'),
  ]);
  const created = await requestJson<SessionView>(baseUrl, '/api/sessions', {
    body: { problemSlug: options.problemSlug ?? 'video-recommendation', durationMinutes: options.durationMinutes ?? 45 },
    token: interviewer.token,
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const code = created.body.inviteCode ?? '';
  if ((await joinSession(baseUrl, candidate, code)).role !== 'candidate') throw new Error('the candidate was not seated');
  if ((await joinSession(baseUrl, observer, code)).role !== 'observer') throw new Error('the observer was not an observer');
  return { session: created.body, interviewer, candidate, observer, stranger };
}

export async function signInGuest(baseUrl: string, displayName: string): Promise<Person> {
  const response = await requestJson<AuthResponse>(baseUrl, '/api/auth/guest', { body: { displayName } });
  if (response.status !== 201 && response.status !== 200) throw new Error(`guest sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { token: response.body.token, userId: response.body.user.id };
}

export const CONTROL_ROUTES = ['start', 'step', 'pause', 'resume', 'end', 'reveal'] as const;
export type ControlRoute = (typeof CONTROL_ROUTES)[number];
export const READ_ROUTES = ['state', 'guide', 'timeline', 'chat'] as const;
export type ReadRoute = (typeof READ_ROUTES)[number];

/** The interview's REST routes (rule I3 and the reads beside it). */
export function interviewApi(baseUrl: string) {
  return {
    /** `POST /api/sessions/:id/<action>`; no body at all when `body` is undefined. */
    command<T = SessionState>(sessionId: string, action: ControlRoute, token: string | undefined, body?: unknown): Promise<JsonResponse<T & Partial<ApiErrorBody>>> {
      return requestJson(baseUrl, `/api/sessions/${sessionId}/${action}`, { method: 'POST', token, body });
    },
    read<T>(sessionId: string, what: ReadRoute, token: string | undefined): Promise<JsonResponse<T & Partial<ApiErrorBody>>> {
      return requestJson(baseUrl, `/api/sessions/${sessionId}/${what}`, { token });
    },
    /** A command that must succeed; its state. */
    async ok(sessionId: string, action: ControlRoute, token: string, body?: unknown): Promise<SessionState> {
      const response = await requestJson<SessionState>(baseUrl, `/api/sessions/${sessionId}/${action}`, { method: 'POST', token, body });
      if (response.status !== 200) throw new Error(`${action} answered ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
  };
}

/** One room socket as the interview sees it: what it was pushed, and its two commands. */
export interface InterviewClient {
  socket: Socket;
  states: SessionState[];
  messages: ChatMessage[];
  roomErrors: RoomError[];
  /** Every event the socket received, by name, in order (socket.onAny). */
  events: Array<{ event: string; args: unknown[] }>;
  /** The newest state by version (rule I1: a client keeps the higher). */
  latest(): SessionState;
  control(payload: unknown): Promise<ControlAck>;
  chat(payload: unknown): Promise<ChatAck>;
  /** Resolves with the first state pushed from now on (or already pushed) that passes `check`. */
  waitForState(check: (state: SessionState) => boolean, what?: string): Promise<SessionState>;
  close(): void;
}

/**
 * A bare room socket with its listeners attached before it connects, so the greeting `session:state` is
 * never missed; resolves once that greeting has arrived. `onRaw` sees every engine.io packet, as received.
 */
export async function interviewClient(
  baseUrl: string,
  sessionId: string,
  token: string,
  options: { onRaw?: (data: string) => void; track?: InterviewClient[] } = {},
): Promise<InterviewClient> {
  const socket = io(`${baseUrl}${ROOM_NAMESPACE}`, {
    auth: { protocolVersion: PROTOCOL_VERSION, token, sessionId },
    transports: ['websocket'],
    reconnection: false,
  });
  const client: InterviewClient = {
    socket,
    states: [],
    messages: [],
    roomErrors: [],
    events: [],
    latest() {
      const newest = [...client.states].sort((a, b) => b.version - a.version)[0];
      if (!newest) throw new Error('no session:state yet');
      return newest;
    },
    control: (payload) => socket.timeout(5_000).emitWithAck('session:control', payload) as Promise<ControlAck>,
    chat: (payload) => socket.timeout(5_000).emitWithAck('chat:send', payload) as Promise<ChatAck>,
    async waitForState(check, what = 'a matching session:state') {
      await eventually(() => client.states.some(check), 5_000, what);
      return client.states.find(check) as SessionState;
    },
    close: () => socket.close(),
  };
  options.track?.push(client);
  const onRaw = options.onRaw;
  if (onRaw) {
    socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => onRaw(`${packet.type}:${rawText(packet.data)}`));
  }
  socket.onAny((event: string, ...args: unknown[]) => client.events.push({ event, args }));
  socket.on('session:state', (state: SessionState) => client.states.push(state));
  socket.on('chat:message', (message: ChatMessage) => client.messages.push(message));
  socket.on('room:error', (error: RoomError) => client.roomErrors.push(error));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  await eventually(() => client.states.length > 0, 5_000, 'the greeting session:state');
  return client;
}

function rawText(data: unknown): string {
  if (data === undefined || data === null) return '';
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  return JSON.stringify(data);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
