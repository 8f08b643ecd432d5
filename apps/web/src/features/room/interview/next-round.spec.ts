import { describe, expect, it } from '@jest/globals';
import { roundToFollow } from './next-round';

describe('roundToFollow', () => {
  it('follows a next round that appears while the room is open', () => {
    expect(roundToFollow(null, 'next')).toBe('next');
  });

  it('does not send away someone who opened the room after the swap', () => {
    expect(roundToFollow('next', 'next')).toBeNull();
  });

  it('waits for an up-to-date state before deciding', () => {
    expect(roundToFollow(undefined, 'next')).toBeNull();
  });

  it('has nothing to follow without a next round', () => {
    expect(roundToFollow(null, null)).toBeNull();
  });
});
