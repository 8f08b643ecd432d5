import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

/** The CSP as a map of directive name to its sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  if (!header) throw new Error('no Content-Security-Policy header');
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

async function headersOf(app: TestApp): Promise<Headers> {
  const response = await fetch(`${app.baseUrl}/api/health`);
  await response.arrayBuffer();
  return response.headers;
}

describe('security headers', () => {
  it('over plain HTTP (a LAN name): no upgrade-insecure-requests, no HSTS, no inline scripts', async () => {
    const app = await startTestApp({ PUBLIC_URL: 'http://mockboard.lan:3000' });
    try {
      const headers = await headersOf(app);
      const csp = parseCsp(headers.get('content-security-policy'));
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(headers.get('strict-transport-security')).toBeNull();
      expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
    } finally {
      await app.close();
    }
  });

  it('over https: upgrade-insecure-requests and HSTS as well, still no inline scripts', async () => {
    const app = await startTestApp({ PUBLIC_URL: 'https://board.example.com' });
    try {
      const headers = await headersOf(app);
      const csp = parseCsp(headers.get('content-security-policy'));
      expect(csp.get('upgrade-insecure-requests')).toEqual([]);
      expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    } finally {
      await app.close();
    }
  });
});
