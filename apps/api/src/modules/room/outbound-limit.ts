import type { Socket } from 'socket.io';

interface EnginePacket {
  data?: string | Buffer | ArrayBuffer | Uint8Array;
}

/** The parts of engine.io's server socket this reads; stable across engine.io 6. */
interface EngineSocket {
  on(event: 'packetCreate', listener: (packet: EnginePacket) => void): void;
  on(event: 'flush', listener: (packets: EnginePacket[]) => void): void;
  close(discard?: boolean): void;
  transport: { name: string; socket?: { terminate?: () => void } };
}

/**
 * Caps what may wait to be sent to one socket (docs/protocol.md, rule P11). A client that stops reading
 * leaves everything written to it in memory: engine.io hands its transport one batch at a time, and while
 * that batch sits in the TCP socket unread, everything after it piles up in engine.io's write buffer. When
 * more than `maxBytes` are in that buffer once the current tick's writes have been handed over (writes are
 * flushed at the end of the tick, coalesce-writes.ts), the connection is cut at once, buffers and all, and
 * its client resyncs when it reconnects (rule P8). One answer of any size, such as the whole board for a
 * newcomer, still reaches a client that reads. A closing handshake would wait on the very peer that does
 * not read, so the socket is destroyed instead.
 */
export function limitOutbound(socket: Socket, maxBytes: number, onOverflow: () => void): void {
  const engine = socket.conn as unknown as EngineSocket;
  let waiting = 0;
  let checking = false;
  let cut = false;
  const check = (): void => {
    checking = false;
    if (cut || waiting <= maxBytes) return;
    cut = true;
    onOverflow();
    const ws = engine.transport.name === 'websocket' ? engine.transport.socket : undefined;
    if (ws?.terminate) ws.terminate();
    else engine.close(true);
  };
  engine.on('packetCreate', (packet) => {
    waiting += sizeOf(packet);
    if (checking || cut || waiting <= maxBytes) return;
    checking = true;
    setImmediate(check);
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
