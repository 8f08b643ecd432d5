import type { Socket as TcpSocket } from 'node:net';
import type { Socket } from 'socket.io';

/**
 * Socket.IO writes each packet of a message as its own WebSocket frame, and each frame is its own
 * syscall: a binary `yjs` message costs two, its acknowledgement a third. Corking the client's TCP socket
 * for the rest of the tick turns everything written to it in that tick into one write.
 */
export function coalesceWrites(socket: Socket): void {
  const transport = socket.conn.transport as unknown as { name: string; socket?: { _socket?: TcpSocket } };
  const tcp = transport.name === 'websocket' ? transport.socket?._socket : undefined;
  if (!tcp) return;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    tcp.uncork();
  };
  socket.conn.on('packetCreate', () => {
    if (corked) return;
    corked = true;
    tcp.cork();
    process.nextTick(uncork);
  });
}
