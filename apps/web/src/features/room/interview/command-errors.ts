import type { RoomErrorCode } from '@mockboard/protocol';

/** Why a room command (`session:control`, `chat:send`) did not go through: the server's code, or ours. */
export type CommandError = RoomErrorCode | 'offline' | 'timeout';

export type CommandResult<T = object> = ({ ok: true } & T) | { ok: false; error: CommandError };

/** What the person is told, for each way a command can fail. */
export function commandErrorMessage(error: CommandError): string {
  switch (error) {
    case 'offline':
      return 'Not connected to the room. Try again when the connection is back.';
    case 'timeout':
      return 'The server did not answer in time. Try again.';
    case 'read_only':
      return 'Observers can watch but not take part.';
    case 'forbidden':
      return 'Only the interviewer can do that.';
    case 'conflict':
      return 'That no longer fits the interview: someone may have changed it just now.';
    case 'rate_limited':
      return 'Too many messages at once. Wait a moment and try again.';
    case 'invalid_message':
      return 'That was not accepted: check its length and content.';
    case 'server_busy':
      return 'The server is busy. Try again in a moment.';
    case 'too_large':
      return 'That is too long to send.';
    case 'out_of_sync':
      return 'The room is catching up. Try again in a moment.';
    default:
      return assertUnreachable(error);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled command error: ${String(value)}`);
}
