import { z } from 'zod';
import type { ChatAck, ChatMessage, ChatSend, ControlAck, SessionControl, SessionState } from './interview-contract';
import type { RecordingView } from '../http/recordings.schemas';

/** Bumped on any incompatible change to the room protocol (docs/protocol.md, rule P1). */
export const PROTOCOL_VERSION = 1;
export const ROOM_NAMESPACE = '/room';

/**
 * Why a connection was refused for good; arrives as the `message` of `connect_error` (rule P2).
 * Reconnecting cannot change these answers.
 */
export const CONNECT_REFUSALS = ['unauthorized', 'forbidden', 'not_found', 'client_too_old', 'server_too_old', 'too_many_connections'] as const;
export type ConnectRefusal = (typeof CONNECT_REFUSALS)[number];
/** A refusal worth retrying, with backoff: the room could not be loaded just now (rule P2). */
export const CONNECT_UNAVAILABLE = 'unavailable';

/** Codes of the `room:error` event: the message was not applied, the socket stays connected (rule P6). */
export const ROOM_ERROR_CODES = [
  'invalid_message',
  'too_large',
  'read_only',
  'rate_limited',
  'out_of_sync',
  'server_busy',
  'forbidden',
  'conflict',
] as const;
export type RoomErrorCode = (typeof ROOM_ERROR_CODES)[number];
/**
 * Refusals an honest client can meet: what it sent is still in its document, and the P4 exchange of a
 * fresh connection hands it over once the server can take it (rule P8).
 */
export const RESYNC_ERROR_CODES: readonly RoomErrorCode[] = ['rate_limited', 'out_of_sync', 'server_busy'];

/**
 * Why the server closed a connection (event `room:closed`, rule P10): the session's sign-in ended
 * (`unauthorized`) or the participant's access did (`forbidden`), both for good; or the room is being
 * reloaded (`reload`), and the client reconnects and resyncs.
 */
export const ROOM_CLOSE_REASONS = ['unauthorized', 'forbidden', 'reload'] as const;
export type RoomCloseReason = (typeof ROOM_CLOSE_REASONS)[number];
export const roomClosedSchema = z.strictObject({ reason: z.enum(ROOM_CLOSE_REASONS) });
export type RoomClosed = z.output<typeof roomClosedSchema>;

export interface RoomError {
  code: RoomErrorCode;
  message: string;
}

/** The acknowledgement of a `yjs` message sent with a callback (rule P5). */
export type YjsAck = { ok: true } | { ok: false; error: RoomErrorCode };

/** Applied, and for an update, committed: one shared object, as every acknowledgement on the hot path is this one. */
export const ACK_OK: YjsAck = Object.freeze({ ok: true });

export const roomHandshakeSchema = z.object({
  token: z.string().min(1).max(512).optional(),
  sessionId: z.string().uuid(),
  protocolVersion: z.number().int(),
});
export type RoomHandshake = z.input<typeof roomHandshakeSchema>;

/** Payloads are y-protocols messages exactly as y-websocket frames them (rule P3). */
export interface RoomServerToClientEvents {
  yjs: (message: Uint8Array) => void;
  'room:error': (error: RoomError) => void;
  'room:closed': (closed: RoomClosed) => void;
  'session:state': (state: SessionState) => void;
  'chat:message': (message: ChatMessage) => void;
  /** The recording's build moved on (rule V7): the same body as `GET .../recording`, for this socket's viewer. */
  'recording:status': (recording: RecordingView) => void;
}

export interface RoomClientToServerEvents {
  yjs: (message: Uint8Array, ack?: (result: YjsAck) => void) => void;
  'session:control': (control: SessionControl, ack?: (result: ControlAck) => void) => void;
  'chat:send': (message: ChatSend, ack?: (result: ChatAck) => void) => void;
}

/** y-protocols message types (the first varuint of a `yjs` payload). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
