import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet's headers for the page the server is reached at. A self-hosted install is often plain HTTP on a
 * LAN name (`http://mockboard.lan:3000`): there `upgrade-insecure-requests` would send every script and
 * font request to an https port that does not exist (a blank page), and HSTS means nothing, so both are
 * sent only when PUBLIC_URL is https.
 */
export function securityHeaders(publicUrl: string): RequestHandler {
  const https = new URL(publicUrl).protocol === 'https:';
  return helmet({
    contentSecurityPolicy: {
      directives: {
        // Excalidraw renders user content into canvases and inline styles; no third-party origins needed.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        // No inline scripts: index.html loads even its Excalidraw settings from a file. wasm-unsafe-eval:
        // Excalidraw subsets fonts with WebAssembly when exporting SVG. Its Emscripten glue also wants plain
        // eval, which stays refused: the export then embeds whole fonts (larger files, same drawing).
        'script-src': ["'self'", "'wasm-unsafe-eval'"],
        'worker-src': ["'self'", 'blob:'],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  });
}
