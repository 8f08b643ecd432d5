import { KeyframeCache } from './keyframe-cache';

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe('KeyframeCache (rule V5: seeks reuse the keyframes they read)', () => {
  it('keeps keyframes up to its byte budget, dropping the least recently used first', () => {
    const cache = new KeyframeCache(300);
    cache.set('s', 1, bytes(100, 1));
    cache.set('s', 2, bytes(100, 2));
    cache.set('s', 3, bytes(100, 3));
    // Reading 1 makes 2 the least recently used: the next entry pushes it out.
    expect(cache.get('s', 1)?.[0]).toBe(1);
    cache.set('t', 1, bytes(100, 4));
    expect(cache.get('s', 2)).toBeUndefined();
    expect([cache.get('s', 1)?.[0], cache.get('s', 3)?.[0], cache.get('t', 1)?.[0]]).toEqual([1, 3, 4]);
  });

  it('tells sessions apart, counts a replaced entry once, and never holds one larger than the budget', () => {
    const cache = new KeyframeCache(250);
    cache.set('s', 1, bytes(100, 1));
    cache.set('s', 1, bytes(120, 5));
    cache.set('t', 1, bytes(120, 6));
    expect([cache.get('s', 1)?.byteLength, cache.get('t', 1)?.byteLength]).toEqual([120, 120]);
    cache.set('u', 1, bytes(251));
    expect(cache.get('u', 1)).toBeUndefined();
    expect(cache.get('s', 1)).toBeDefined();
  });

  it('with no budget, holds nothing (the worker builds without one)', () => {
    const cache = new KeyframeCache(0);
    cache.set('s', 1, bytes(1));
    expect(cache.get('s', 1)).toBeUndefined();
  });
});
