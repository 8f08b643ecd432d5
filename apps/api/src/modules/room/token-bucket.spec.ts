import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, refuses beyond it, and refills at the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100; // one token at 10 per second
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it('counts units: a cost larger than what is left is refused', () => {
    let now = 0;
    const bytes = new TokenBucket(1_000, 4_000, () => now);
    expect(bytes.take(3_000)).toBe(true);
    expect(bytes.take(2_000)).toBe(false);
    now += 1_000;
    expect(bytes.take(2_000)).toBe(true);
  });

  it('lets one costly piece of work through on credit, then holds the next to the sustained rate', () => {
    let now = 0;
    const sync = new TokenBucket(1_000, 2_000, () => now);
    expect(sync.hasCredit()).toBe(true);
    sync.charge(10_000); // an answer far larger than the burst still goes out
    expect(sync.hasCredit()).toBe(false);
    now += 7_000;
    expect(sync.hasCredit()).toBe(false);
    now += 1_001;
    expect(sync.hasCredit()).toBe(true);
  });
});
