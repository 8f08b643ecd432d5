import { users } from '@mockboard/db';
import {
  API_ERROR_CODES,
  cleanDisplayName,
  hasControlCharacter,
  hasLoneSurrogate,
  loginBodySchema,
  registerBodySchema,
  upgradeGuestBodySchema,
  type AuthResponse,
  type SessionView,
} from '@mockboard/protocol';
import { seededRandom, type SeededRandom } from '@mockboard/testing';
import type { z } from 'zod';
import { hostileBodyText, hostileString } from '../../../../../tests/support/fuzz-json';
import { requestJson, uniqueEmail } from '../../../../../tests/support/http';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

/**
 * Seeded fuzz over every REST route that reads a body or a path parameter: whatever arrives, the answer is
 * 2xx, or 4xx in the `{error: {code, message}}` shape; never a 5xx. The seed is printed; FUZZ_SEED replays.
 */

const CASES_PER_BODY_ROUTE = 70;
const CASES_PER_ID_ROUTE = 50;
/** Valid register, login and upgrade bodies hash a password with argon2 (a few hundred ms each). */
const HASHING_BUDGET_PER_ROUTE = 3;
const LANES = 4;
const UNLIMITED = '1000000';

interface FuzzCase {
  route: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string | Uint8Array;
  token?: string;
}

interface Finding {
  route: string;
  path: string;
  body: string;
  status: number;
  answer: string;
}

describe('REST fuzz', () => {
  const random = seededRandom();
  let app: TestApp;
  beforeAll(async () => {
    console.log(`REST fuzz seed ${random.seed} (replay with FUZZ_SEED=${random.seed})`);
    // The limits under test elsewhere would otherwise answer most of the fuzz with 429s.
    app = await startTestApp({
      LOGIN_RATE_LIMIT: UNLIMITED,
      SESSIONS_PER_HOUR: UNLIMITED,
      GUESTS_PER_HOUR: UNLIMITED,
      INVITE_FAILURES_PER_HOUR: UNLIMITED,
      MAX_OBSERVERS: UNLIMITED,
    });
  });
  afterAll(() => app.close());

  it('answers every generated request with 2xx or a well-formed 4xx, and stays healthy', async () => {
    const fixture = await setUp(app.baseUrl);
    const cases = [...bodyCases(random, fixture), ...idCases(random, fixture)];
    const { findings, statuses } = await runCases(app.baseUrl, cases);
    console.log(`REST fuzz: ${cases.length} requests; answers by route: ${JSON.stringify(statuses)}`);
    expect(findings.slice(0, 5)).toEqual([]);

    expect((await requestJson(app.baseUrl, '/api/health')).status).toBe(200);
    const names = await app.database.db.select({ displayName: users.displayName }).from(users);
    const unclean = names
      .map((n) => n.displayName)
      .filter((name) => hasControlCharacter(name) || hasLoneSurrogate(name) || cleanDisplayName(name) !== name || name === '');
    expect(unclean).toEqual([]);
  }, 120_000);
});

interface Fixture {
  email: string;
  password: string;
  token: string;
  guestTokens: string[];
  sessionId: string;
  inviteCode: string;
}

async function setUp(baseUrl: string): Promise<Fixture> {
  const email = uniqueEmail('fuzz');
  const password = 'fuzz-password';
  const registered = await requestJson<AuthResponse>(baseUrl, '/api/auth/register', { body: { email, password, displayName: 'Fuzz' } });
  const token = registered.body.token;
  const created = await requestJson<SessionView>(baseUrl, '/api/sessions', { token, body: { problemSlug: 'fraud-detection' } });
  const guestTokens: string[] = [];
  for (let i = 0; i < HASHING_BUDGET_PER_ROUTE + 1; i++) {
    guestTokens.push((await requestJson<AuthResponse>(baseUrl, '/api/auth/guest', { body: { displayName: `Guest ${i}` } })).body.token);
  }
  return { email, password, token, guestTokens, sessionId: created.body.id, inviteCode: created.body.inviteCode ?? '' };
}

function bodyCases(random: SeededRandom, f: Fixture): FuzzCase[] {
  const routes: Array<{ route: string; path: string; valid: Record<string, unknown>; token?: () => string; hashes?: z.ZodType }> = [
    { route: 'register', path: '/api/auth/register', valid: { email: uniqueEmail('fz'), password: f.password, displayName: 'Fz' }, hashes: registerBodySchema },
    { route: 'login', path: '/api/auth/login', valid: { email: f.email, password: f.password }, hashes: loginBodySchema },
    { route: 'guest', path: '/api/auth/guest', valid: { displayName: 'Visitor' } },
    {
      route: 'upgrade',
      path: '/api/auth/upgrade',
      valid: { email: uniqueEmail('up'), password: f.password, displayName: 'Upgraded' },
      token: () => random.pick(f.guestTokens),
      hashes: upgradeGuestBodySchema,
    },
    { route: 'logout', path: '/api/auth/logout', valid: {} },
    { route: 'create', path: '/api/sessions', valid: { problemSlug: 'video-recommendation', role: 'candidate', durationMinutes: 60 }, token: () => f.token },
    { route: 'join', path: '/api/sessions/join', valid: { inviteCode: f.inviteCode }, token: () => f.token },
    { route: 'rotate', path: `/api/sessions/${f.sessionId}/invite/rotate`, valid: {}, token: () => f.token },
  ];
  const cases: FuzzCase[] = [];
  for (const { route, path, valid, token, hashes } of routes) {
    let hashing = 0;
    for (let made = 0; made < CASES_PER_BODY_ROUTE; ) {
      const body = random.chance(0.03) ? randomBytesBody(random) : hostileBodyText(random, valid);
      if (hashes && typeof body === 'string' && passes(hashes, body) && ++hashing > HASHING_BUDGET_PER_ROUTE) continue;
      cases.push({ route, method: 'POST', path, body, token: token?.() });
      made++;
    }
  }
  return cases;
}

function idCases(random: SeededRandom, f: Fixture): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (let i = 0; i < CASES_PER_ID_ROUTE; i++) {
    const id = hostileId(random, f.sessionId);
    const token = random.chance(0.9) ? f.token : undefined;
    cases.push({ route: 'get', method: 'GET', path: `/api/sessions/${id}`, token });
    cases.push({ route: 'rotate-id', method: 'POST', path: `/api/sessions/${id}/invite/rotate`, token });
  }
  return cases;
}

/** A path segment: the real id, near misses, and hostile text percent-encoded, or broken percent-encoding. */
function hostileId(random: SeededRandom, realId: string): string {
  switch (random.int(6)) {
    case 0:
      return realId;
    case 1:
      return realId.replace(/[0-9a-f]$/, random.pick(['0', 'g', '%00', '%', '%E2%80%AE']));
    case 2:
      return Array.from({ length: 1 + random.int(8) }, () => `%${random.int(256).toString(16).padStart(2, '0')}`).join('');
    case 3:
      return random.pick(['%', '%%', '%G0', '%E0%A4%A', '%ED%A0%80', '%C0%80', '..', '.', '%2e%2e', '%2F', '%5C']);
    default:
      return encodeLoosely(hostileString(random).slice(0, 1_000)) || 'x';
  }
}

/** encodeURIComponent throws on lone surrogates; encode those as the UTF-8 bytes a sloppy client would send. */
function encodeLoosely(text: string): string {
  return Array.from(text, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}

function randomBytesBody(random: SeededRandom): Uint8Array {
  const prefix = Buffer.from('{"displayName":"');
  const noise = Buffer.from(Array.from({ length: 1 + random.int(64) }, () => random.int(256)));
  return Buffer.concat([prefix, noise, Buffer.from('"}')]);
}

function passes(schema: z.ZodType, text: string): boolean {
  try {
    return schema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

async function runCases(
  baseUrl: string,
  cases: FuzzCase[],
): Promise<{ findings: Finding[]; statuses: Record<string, Record<number, number>> }> {
  const findings: Finding[] = [];
  const statuses: Record<string, Record<number, number>> = {};
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < cases.length) {
      const fuzzCase = cases[next++] as FuzzCase;
      const { status, finding } = await check(baseUrl, fuzzCase);
      const byStatus = (statuses[fuzzCase.route] ??= {});
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (finding) findings.push(finding);
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  return { findings, statuses };
}

async function check(baseUrl: string, c: FuzzCase): Promise<{ status: number; finding?: Finding }> {
  const headers: Record<string, string> = {};
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  const response = await fetch(`${baseUrl}${c.path}`, { method: c.method, headers, body: c.body });
  const text = await response.text();
  const finding = (): Finding => ({
    route: c.route,
    path: c.path.slice(0, 200),
    body: typeof c.body === 'string' ? c.body.slice(0, 300) : c.body ? `bytes ${Buffer.from(c.body).toString('hex').slice(0, 200)}` : '',
    status: response.status,
    answer: text.slice(0, 300),
  });
  const ok = response.status < 400 ? response.status >= 200 : response.status < 500 && isErrorBody(text);
  return { status: response.status, finding: ok ? undefined : finding() };
}

function isErrorBody(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const error = parsed.error;
    return (
      Object.keys(parsed).join() === 'error' &&
      typeof error === 'object' &&
      Object.keys(error).sort().join() === 'code,message' &&
      (API_ERROR_CODES as readonly unknown[]).includes(error.code) &&
      typeof error.message === 'string' &&
      error.message.length > 0
    );
  } catch {
    return false;
  }
}
