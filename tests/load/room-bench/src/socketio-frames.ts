/**
 * The few Socket.IO v5 packets the load generator exchanges, as the WebSocket text frames engine.io v4
 * carries them (https://socket.io/docs/v4/socket-io-protocol/). An engine.io packet is one type digit and
 * its data; a Socket.IO packet inside a "message" (4) is a type digit, an attachment count for binary
 * packets (`1-`), the namespace (`/room,`), an acknowledgement id, then JSON. A binary event's attachment
 * follows as its own binary frame.
 */

export const ENGINE_PATH = '/socket.io/?EIO=4&transport=websocket';
export const PONG = '3';

const ENGINE_OPEN = '0';
const ENGINE_CLOSE = '1';
const ENGINE_PING = '2';
const ENGINE_MESSAGE = '4';

export type InboundFrame =
  | { kind: 'open' }
  | { kind: 'ping' }
  | { kind: 'close' }
  | { kind: 'connect' }
  | { kind: 'connect_error'; message: string }
  | { kind: 'disconnect' }
  | { kind: 'event'; name: string; args: unknown[] }
  /** Its single attachment is the next binary frame. */
  | { kind: 'binary_event'; name: string }
  | { kind: 'ack'; id: number; args: unknown[] }
  | { kind: 'ignored' };

/** Socket.IO's CONNECT to a namespace, with the handshake's `auth` object. */
export function connectFrame(namespace: string, auth: object): string {
  return `${ENGINE_MESSAGE}0${namespace},${JSON.stringify(auth)}`;
}

/** The text half of an event whose only argument is binary; with `ackId`, it asks for an acknowledgement. */
export function binaryEventFrame(namespace: string, event: string, ackId?: number): string {
  return `${ENGINE_MESSAGE}51-${namespace},${ackId ?? ''}${JSON.stringify([event, { _placeholder: true, num: 0 }])}`;
}

/** Reads a text frame from the server; packets for other namespaces and types the bench never sees are ignored. */
export function readFrame(text: string, namespace: string): InboundFrame {
  switch (text[0]) {
    case ENGINE_OPEN:
      return { kind: 'open' };
    case ENGINE_PING:
      return { kind: 'ping' };
    case ENGINE_CLOSE:
      return { kind: 'close' };
    case ENGINE_MESSAGE:
      return readPacket(text, namespace);
    default:
      return { kind: 'ignored' };
  }
}

function readPacket(text: string, namespace: string): InboundFrame {
  const type = text[1];
  let at = 2;
  if (type === '5' || type === '6') at = text.indexOf('-', at) + 1;
  const prefix = `${namespace},`;
  if (!text.startsWith(prefix, at)) return { kind: 'ignored' };
  at += prefix.length;
  let idEnd = at;
  while (idEnd < text.length && text.charCodeAt(idEnd) >= 48 && text.charCodeAt(idEnd) <= 57) idEnd++;
  const id = idEnd > at ? Number(text.slice(at, idEnd)) : undefined;
  const json = text.slice(idEnd);
  const body: unknown = json ? JSON.parse(json) : undefined;
  switch (type) {
    case '0':
      return { kind: 'connect' };
    case '1':
      return { kind: 'disconnect' };
    case '4':
      return { kind: 'connect_error', message: String((body as { message?: unknown } | undefined)?.message) };
    case '2':
    case '5': {
      const [name, ...args] = body as [string, ...unknown[]];
      return type === '5' ? { kind: 'binary_event', name } : { kind: 'event', name, args };
    }
    case '3':
      return id === undefined ? { kind: 'ignored' } : { kind: 'ack', id, args: body as unknown[] };
    default:
      return { kind: 'ignored' };
  }
}
