import type { Socket as TcpSocket } from 'node:net';
import type { Socket } from 'socket.io-client';

interface EngineLike {
  on(event: 'packetCreate', listener: () => void): void;
  transport?: { name: string; ws?: { _socket?: TcpSocket } };
}

/**
 * socket.io-client writes a binary event as two WebSocket frames, and engine.io-client sends the second
 * one on a later `process.nextTick`, so each costs a write syscall. Corking the TCP socket until the
 * immediate phase sends both (and anything else written meanwhile) in one write, as the server does for
 * its own writes. No byte on the wire changes; the generators just spend less CPU per edit, which on a
 * two-core machine is CPU the server gets.
 */
export function corkClientWrites(socket: Socket): void {
  const manager = socket.io;
  manager.on('open', () => {
    const engine = manager.engine as unknown as EngineLike;
    const transport = engine.transport;
    const tcp = transport?.name === 'websocket' ? transport.ws?._socket : undefined;
    if (!tcp) return;
    let corked = false;
    const uncork = (): void => {
      corked = false;
      tcp.uncork();
    };
    engine.on('packetCreate', () => {
      if (corked) return;
      corked = true;
      tcp.cork();
      setImmediate(uncork);
    });
  });
}
