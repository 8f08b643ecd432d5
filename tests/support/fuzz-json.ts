import type { SeededRandom } from '@mockboard/testing';

/**
 * Generators of hostile JSON request bodies for seeded fuzz tests. Bodies are produced as JSON text so they
 * can carry what a JavaScript object literal cannot (own `__proto__` keys, duplicate keys, broken syntax).
 */

const FRAGMENTS = [
  '',
  ' ',
  'a',
  'Ada',
  'ABCDEFGHJK',
  'video-recommendation',
  'user@example.test',
  'correct horse battery',
  '\u0000',
  '\t',
  '\n',
  '\r\n',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u061c',
  '\ufeff',
  '\u00ad',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
  '😀',
  '👩‍💻',
  'e\u0301',
  'مرحبا',
  '中文',
  '\ufffd',
  "'; drop table users; --",
  '%00',
  '%s%n',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '__proto__',
  'constructor',
  'NaN',
  '1e309',
  '-0',
];

const NUMBERS = [0, -0, 1, -1, 45, 60, 44.999, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 5e-324];

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', 'a.b', '\u202ekey'];

/** A string assembled from troublesome fragments, sometimes very long. */
export function hostileString(random: SeededRandom): string {
  if (random.chance(0.05)) return random.pick(FRAGMENTS).repeat(1 + random.int(20_000));
  let text = '';
  const parts = 1 + random.int(6);
  for (let i = 0; i < parts; i++) text += random.chance(0.3) ? String.fromCharCode(random.int(0x10000)) : random.pick(FRAGMENTS);
  return text;
}

/** Any JSON value: scalars of every type, hostile strings, nested arrays and objects. */
export function hostileValue(random: SeededRandom, depth = 0): unknown {
  const kind = random.int(depth > 3 ? 5 : 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.chance(0.7) ? random.pick(NUMBERS) : (random.next() - 0.5) * 10 ** random.int(20);
    case 3:
    case 4:
      return hostileString(random);
    case 5:
      return Array.from({ length: random.int(5) }, () => hostileValue(random, depth + 1));
    default:
      return JSON.parse(hostileObjectText(random, [], depth + 1)) as unknown;
  }
}

/** An object as JSON text, with some of `fields` and some hostile or unknown keys. */
export function hostileObjectText(random: SeededRandom, fields: readonly string[], depth = 0): string {
  const keys = fields.filter(() => random.chance(0.6));
  const extra = random.int(3);
  for (let i = 0; i < extra; i++) keys.push(random.chance(0.5) ? random.pick(HOSTILE_KEYS) : hostileString(random).slice(0, 40));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(hostileValue(random, depth + 1)) ?? 'null'}`).join(',')}}`;
}

/**
 * A request body for a route whose valid body is `valid`: usually that body with one or more fields
 * replaced, removed or joined by unknown ones; sometimes the valid body itself, any JSON value, broken JSON
 * or deep nesting.
 */
export function hostileBodyText(random: SeededRandom, valid: Record<string, unknown>): string {
  const roll = random.next();
  if (roll < 0.05) return JSON.stringify(valid);
  if (roll < 0.08) return JSON.stringify(hostileValue(random));
  if (roll < 0.1) return JSON.stringify(valid).slice(0, random.int(JSON.stringify(valid).length));
  if (roll < 0.12) {
    const depth = 1 + random.int(40_000);
    return '['.repeat(depth) + ']'.repeat(depth);
  }
  if (roll < 0.22) return hostileObjectText(random, Object.keys(valid));
  const body: Record<string, unknown> = { ...valid };
  const edits = 1 + random.int(3);
  for (let i = 0; i < edits; i++) {
    const field = random.pick(Object.keys(valid));
    const edit = random.int(10);
    if (edit === 0) delete body[field];
    else if (edit === 1) body[random.pick(HOSTILE_KEYS.filter((k) => k !== '__proto__'))] = hostileValue(random);
    else if (edit < 5) body[field] = hostileValue(random);
    else body[field] = `${String(valid[field])}${hostileString(random)}`;
  }
  return JSON.stringify(body);
}
