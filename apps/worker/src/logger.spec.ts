import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logTransport } from './logger';

describe('logTransport', () => {
  it('pretty-prints on a terminal, in every environment', () => {
    expect(logTransport(true)).toMatchObject({ target: 'pino-pretty', options: { singleLine: true } });
  });

  it('writes JSON lines (no transport) when stdout is not a terminal', () => {
    expect(logTransport(false)).toBeUndefined();
  });

  it('can pretty-print in production: pino-pretty survives `npm prune --omit=dev` (docker/Dockerfile)', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies).toHaveProperty('pino-pretty');
  });
});
