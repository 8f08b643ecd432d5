import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The root package.json version; src and dist sit at the same depth below it. */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string }
).version;
