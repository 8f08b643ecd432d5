import type { Socket as TcpSocket } from 'node:net';
import type { Socket } from 'socket.io';

interface EnginePacket {
  data?: string | Buffer | ArrayBuffer | Uint8Array;
}

/** The parts of engine.io's server socket this reads; stable across engine.io 6. */
interface EngineSocket {
  on(event: 'packetCreate', listener: (packet: EnginePacket) => void): void;
  on(event: 'flush', listener: (packets: EnginePacket[]) => void): void;
  close(discard?: boolean): void;
  transport: { name: string; socket?: { _socket?: TcpSocket; terminate?: () => void } };
}

/**
 * Caps what may wait to be sent to one socket (docs/protocol.md, rule P11). A client that stops reading
 * leaves everything written to it in memory: in engine.io's write buffer while its transport waits, then
 * in the TCP socket's. Past `maxBytes` the connection is cut at once, buffers and all; its client resyncs
 * when it reconnects (rule P8). A closing handshake would wait on the very peer that does not read.
 */
export function limitOutbound(socket: Socket, maxBytes: number, onOverflow: () => void): void {
  const engine = socket.conn as unknown as EngineSocket;
  let waiting = 0;
  let cut = false;
  engine.on('packetCreate', (packet) => {
    waiting += sizeOf(packet);
    if (cut || waiting + (engine.transport.socket?._socket?.writableLength ?? 0) <= maxBytes) return;
    cut = true;
    onOverflow();
    const ws = engine.transport.name === 'websocket' ? engine.transport.socket : undefined;
    if (ws?.terminate) ws.terminate();
    else engine.close(true);
  });
  engine.on('flush', (packets) => {
    for (const packet of packets) waiting -= sizeOf(packet);
  });
}

function sizeOf(packet: EnginePacket): number {
  const { data } = packet;
  if (data === undefined) return 1;
  return typeof data === 'string' ? data.length : data.byteLength;
}
