import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const API_TARGET = process.env.MOCKBOARD_API_URL ?? 'http://localhost:3000';

/** Where Excalidraw's font loader falls back to after `EXCALIDRAW_ASSET_PATH`: a public CDN (esm.sh). */
const CDN_FALLBACK = /("ASSETS_FALLBACK_URL",\s*)`https:\/\/esm\.sh\/.*?\/dist\/prod\/`/;

/**
 * Excalidraw fetches its drawing fonts at run time from `window.EXCALIDRAW_ASSET_PATH` (set by
 * public/excalidraw-assets.js) and lists a public CDN as a second source. Serving them ourselves keeps a
 * self-hosted install working offline and sending no requests elsewhere. Copied at build time rather than committed: 14 MB that
 * follow the installed Excalidraw version.
 *
 * The CDN source is also pointed back at our origin: the browser would only use it if ours failed, but
 * under our Content-Security-Policy Chrome reports every off-site font source as a blocked load (hundreds
 * of console errors per room). Pre-bundled dependencies in `vite` dev skip transforms, so there the CDN
 * source stays; it is never used while /fonts is served.
 */
function excalidrawFonts(): Plugin {
  // The package's exports hide package.json; its main entry sits next to the fonts folder.
  const fontsDir = join(dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw')), 'fonts');
  return {
    name: 'mockboard:excalidraw-fonts',
    configureServer(server) {
      server.middlewares.use('/fonts', (req, res, next) => {
        const file = normalize(join(fontsDir, decodeURIComponent((req.url ?? '').split('?')[0] ?? '')));
        if (!file.startsWith(fontsDir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('content-type', file.endsWith('.woff2') ? 'font/woff2' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    transform(code, id) {
      if (!id.includes('@excalidraw') || !code.includes('"ASSETS_FALLBACK_URL"')) return null;
      const patched = code.replace(CDN_FALLBACK, '$1`${window.location.origin}/`');
      // Fail loudly after an Excalidraw upgrade changes the code, rather than quietly using the CDN again.
      if (patched === code) this.error('Excalidraw font CDN fallback not found: update CDN_FALLBACK in vite.config.ts');
      return { code: patched, map: null };
    },
    writeBundle(options) {
      if (options.dir) cpSync(fontsDir, join(options.dir, 'fonts'), { recursive: true });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), excalidrawFonts()],
  resolve: {
    // Import the shared libs' TypeScript source, so the web app never waits on (or goes stale against) their dist.
    conditions: ['@mockboard/source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // The shared protocol lib's barrel re-exports the Yjs framing helpers. These packages only run
        // harmless module-level checks, so declaring them side-effect free lets the sign-in screens drop
        // Yjs (~90 kB) when nothing on them uses it; the room chunk still gets everything it imports.
        moduleSideEffects: (id) => !/[\\/](node_modules[\\/](yjs|lib0|y-protocols)|libs[\\/]protocol)[\\/]/.test(id),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: API_TARGET },
      // The api refuses room sockets from pages of other origins (docs/protocol.md P2); through this proxy
      // the page is the dev server's, so the upgrade is presented as coming from the api's own origin.
      '/socket.io': {
        target: API_TARGET,
        ws: true,
        configure: (proxy) => proxy.on('proxyReqWs', (request) => request.setHeader('origin', new URL(API_TARGET).origin)),
      },
    },
  },
});
