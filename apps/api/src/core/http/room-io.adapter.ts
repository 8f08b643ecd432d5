import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { ServerOptions } from 'socket.io';

/**
 * Socket.IO silently drops a connection whose message exceeds `maxHttpBufferSize`. Setting it well above
 * our own limit lets the gateway answer an oversize message with `too_large` instead (rule P6).
 */
export class RoomIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly maxMessageBytes: number,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): unknown {
    return super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: this.maxMessageBytes * 2 + 64 * 1024,
      // The web app is served from the same origin; other origins get no cross-site access.
      cors: { origin: false },
    } as ServerOptions);
  }
}
