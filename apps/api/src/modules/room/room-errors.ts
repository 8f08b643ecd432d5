import type { CONNECT_UNAVAILABLE, ConnectRefusal, RoomErrorCode } from '@mockboard/protocol';

/** A message that was not applied; the sender gets `room:error` and stays connected (rule P6). */
export class RoomMessageError extends Error {
  constructor(
    readonly code: RoomErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RoomMessageError';
  }
}

/** A refused handshake; Socket.IO delivers `message` to the client as its `connect_error` (rule P2). */
export class RoomRefusal extends Error {
  constructor(readonly reason: ConnectRefusal | typeof CONNECT_UNAVAILABLE) {
    super(reason);
    this.name = 'RoomRefusal';
  }
}
