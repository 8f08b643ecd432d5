import type { ChatAck, ControlAck, SessionControl } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import type { CommandResult } from './command-errors';

/**
 * How long a command waits for its acknowledgement. Socket.IO would otherwise buffer it through a
 * disconnect and send it minutes later, when the person has long moved on.
 */
const ACK_TIMEOUT_MS = 10_000;

type RoomSocket = RoomProvider['socket'];

/** Sends an interviewer command (rule I2); resolves with the server's answer, never throws. */
export function sendControl(socket: RoomSocket | undefined, command: SessionControl): Promise<CommandResult> {
  return withAck<ControlAck>(socket, (s) => s.timeout(ACK_TIMEOUT_MS).emitWithAck('session:control', command));
}

/** Sends a chat message (rule I5); on success the server has stored it and broadcast it to the room. */
export function sendChat(socket: RoomSocket | undefined, text: string): Promise<CommandResult<{ id: number }>> {
  return withAck<ChatAck>(socket, (s) => s.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:send', { text }));
}

async function withAck<A extends { ok: boolean }>(socket: RoomSocket | undefined, emit: (socket: RoomSocket) => Promise<A>): Promise<A | { ok: false; error: 'offline' | 'timeout' }> {
  if (!socket?.connected) return { ok: false, error: 'offline' };
  try {
    return await emit(socket);
  } catch {
    return { ok: false, error: 'timeout' };
  }
}
