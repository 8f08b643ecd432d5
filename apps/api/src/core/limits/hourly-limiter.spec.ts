import { HourlyLimiter } from './hourly-limiter';

describe('HourlyLimiter', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('allows perHour attempts per key, refuses the next with the seconds left, and allows again once the hour has passed', async () => {
    const limiter = new HourlyLimiter(2);
    expect(await limiter.take('a')).toEqual({ allowed: true });
    jest.advanceTimersByTime(10 * 60_000);
    expect(await limiter.take('a')).toEqual({ allowed: true });
    expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 50 * 60 });
    expect(await limiter.take('b')).toEqual({ allowed: true });

    jest.advanceTimersByTime(50 * 60_000);
    expect(await limiter.take('a')).toEqual({ allowed: true });
  });

  it('refused attempts still count, and a given-back attempt frees its place', async () => {
    const limiter = new HourlyLimiter(1);
    await limiter.take('k');
    expect((await limiter.take('k')).allowed).toBe(false);
    await limiter.giveBack('k');
    expect((await limiter.take('k')).allowed).toBe(false);
    await limiter.giveBack('k');
    await limiter.giveBack('k');
    expect((await limiter.take('k')).allowed).toBe(true);
  });
});
