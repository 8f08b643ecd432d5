import type { AuthResponse } from '@mockboard/protocol';
import { uniqueEmail } from '../../../../../tests/support/http';
import { requestFrom, type AddressedRequest } from '../../../../../tests/support/http-from-address';
import { startTestApp, type TestApp } from '../../../../../tests/support/test-app';

const HOUR_SECONDS = 3600;

function expectRetryAfter(headers: Headers): void {
  const seconds = Number(headers.get('retry-after'));
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(HOUR_SECONDS);
}

describe('guest accounts per client address (GUESTS_PER_HOUR), default TRUST_PROXY', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ GUESTS_PER_HOUR: '3' });
  });
  afterAll(() => app.close());

  const guest = (init: AddressedRequest = {}) =>
    requestFrom<AuthResponse>(app.baseUrl, '/api/auth/guest', { ...init, body: { displayName: 'Visitor' } });

  it('refuses the fourth guest from one address with 429 and Retry-After; another address is unaffected', async () => {
    const from = { localAddress: '127.0.0.2' };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await guest(from)).status);
    expect(statuses).toEqual([201, 201, 201]);
    const refused = await guest(from);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/guest accounts.*at most 3 an hour/) } });
    expectRetryAfter(refused.headers);

    expect((await guest({ localAddress: '127.0.0.3' })).status).toBe(201);
  });

  it('does not believe a rotating X-Forwarded-For without TRUST_PROXY', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await guest({ localAddress: '127.0.0.4', forwardedFor: `203.0.113.${i}` })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('does not count refused bodies', async () => {
    const from = { localAddress: '127.0.0.5' };
    for (let i = 0; i < 4; i++) {
      expect((await requestFrom(app.baseUrl, '/api/auth/guest', { ...from, body: { displayName: '' } })).status).toBe(400);
    }
    expect((await guest(from)).status).toBe(201);
  });
});

describe('guest accounts per client address with TRUST_PROXY=true', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ GUESTS_PER_HOUR: '2', TRUST_PROXY: 'true' });
  });
  afterAll(() => app.close());

  it('counts per forwarded address', async () => {
    const guest = (forwardedFor: string) =>
      requestFrom(app.baseUrl, '/api/auth/guest', { forwardedFor, body: { displayName: 'Proxied' } });
    const rotating = [];
    for (let i = 0; i < 4; i++) rotating.push((await guest(`203.0.113.${i}`)).status);
    expect(rotating).toEqual([201, 201, 201, 201]);
    expect((await guest('203.0.113.0')).status).toBe(201);
    expect((await guest('203.0.113.0')).status).toBe(429);
  });
});

describe('log-in throttle (LOGIN_RATE_LIMIT) and X-Forwarded-For', () => {
  const attempts = async (app: TestApp, email: string, forwardedFor: (i: number) => string) => {
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await requestFrom(app.baseUrl, '/api/auth/login', {
        forwardedFor: forwardedFor(i),
        body: { email, password: 'guess-guess' },
      });
      statuses.push(response.status);
    }
    return statuses;
  };

  describe('with the default TRUST_PROXY (off)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ LOGIN_RATE_LIMIT: '2' });
    });
    afterAll(() => app.close());

    it('a client rotating X-Forwarded-For is still throttled', async () => {
      expect(await attempts(app, uniqueEmail('xff'), (i) => `198.51.100.${i}`)).toEqual([401, 401, 429]);
    });
  });

  describe('with TRUST_PROXY=true', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ LOGIN_RATE_LIMIT: '2', TRUST_PROXY: 'true' });
    });
    afterAll(() => app.close());

    it('each forwarded address is throttled on its own', async () => {
      const email = uniqueEmail('proxied');
      expect(await attempts(app, email, (i) => `198.51.100.${i}`)).toEqual([401, 401, 401]);
      expect(await attempts(app, email, () => '198.51.100.200')).toEqual([401, 401, 429]);
    });
  });

  describe('with TRUST_PROXY=1 (one proxy hop)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ LOGIN_RATE_LIMIT: '2', TRUST_PROXY: '1' });
    });
    afterAll(() => app.close());

    it('believes only the address the trusted proxy appended, not what the client wrote before it', async () => {
      const email = uniqueEmail('hop');
      expect(await attempts(app, email, (i) => `198.51.100.${i}, 192.0.2.7`)).toEqual([401, 401, 429]);
    });
  });
});
