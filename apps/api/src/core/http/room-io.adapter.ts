import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { AppConfig } from '@mockboard/config';
import type { ServerOptions } from 'socket.io';

/**
 * Socket.IO for the room. Two things differ from the defaults:
 * - Socket.IO silently drops a connection whose message exceeds `maxHttpBufferSize`. Setting it well above
 *   our own limit lets the gateway answer an oversize message with `too_large` instead (rule P6).
 * - A browser opens a WebSocket to any site with that site's cookies: CORS does not apply to it. Requests
 *   whose `Origin` is neither PUBLIC_URL's nor in ALLOWED_ORIGINS are refused before the handshake, so a page
 *   elsewhere cannot open a room with its visitor's session (rule P2). Clients that are not browsers send
 *   no `Origin`, and hold no one else's cookie.
 */
export class RoomIoAdapter extends IoAdapter {
  private readonly origins: ReadonlySet<string>;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
    this.origins = new Set([new URL(config.publicUrl).origin, ...config.allowedOrigins]);
  }

  override createIOServer(port: number, options?: ServerOptions): unknown {
    return super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: this.config.room.maxMessageBytes * 2 + 64 * 1024,
      // The web app is served from the same origin; other origins get no cross-site access.
      cors: { origin: false },
      allowRequest: (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
        const origin = request.headers.origin;
        callback(null, origin === undefined || this.origins.has(origin));
      },
    } as ServerOptions);
  }
}
