import type { Socket as TcpSocket } from 'node:net';
import type { Socket } from 'socket.io';

/** The parts of engine.io's server socket this reaches into; both are stable across engine.io 6. */
interface EngineSocket {
  flush(): void;
  transport: { name: string; socket?: { _socket?: TcpSocket } };
}

/**
 * A binary `yjs` message is two engine.io packets (header, attachment), and engine.io hands the second to
 * the transport only after the first one's write callback, so each costs its own syscall; an
 * acknowledgement or fan-out written in the same tick costs another. On this path, write syscalls were
 * the largest single item in the server's profile (docs/benchmarks.md).
 *
 * Deferring the engine socket's flush to the end of the tick lets every packet written to this client in
 * that tick reach the transport together; corking the TCP socket around it turns them into one write.
 * The bytes on the wire do not change. `beforeFlush` may write more (held-back acknowledgements); it
 * joins the same write.
 */
export function coalesceWrites(socket: Socket, beforeFlush: () => void): void {
  const engine = socket.conn as unknown as EngineSocket;
  if (engine.transport.name !== 'websocket') return;
  const tcp = engine.transport.socket?._socket;
  if (!tcp) return;
  const flushNow = engine.flush.bind(engine);
  let scheduled = false;
  const flushCorked = (): void => {
    tcp.cork();
    beforeFlush();
    flushNow();
    tcp.uncork();
    scheduled = false;
  };
  engine.flush = () => {
    if (scheduled) return;
    scheduled = true;
    process.nextTick(flushCorked);
  };
}
