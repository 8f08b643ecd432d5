import { PresenceOwners } from './presence-owners';

describe('PresenceOwners (rule D4)', () => {
  it('keeps an id its user’s after their socket goes, until the user is over the cap with ids no longer shown', () => {
    const owners = new PresenceOwners(2);
    const shown = new Set<number>([1]);
    owners.claim(1, 'ivy', (id) => shown.has(id));
    owners.claim(2, 'ivy', (id) => shown.has(id));
    expect([owners.ownerOf(1), owners.ownerOf(2)]).toEqual(['ivy', 'ivy']);
    // A third id: the oldest one no longer shown (2) goes; 1 is shown and stays.
    owners.claim(3, 'ivy', (id) => shown.has(id));
    expect([owners.ownerOf(1), owners.ownerOf(2), owners.ownerOf(3)]).toEqual(['ivy', undefined, 'ivy']);
    // Other users' ids are untouched by Ivy's cap.
    owners.claim(9, 'obi', () => false);
    expect(owners.ownerOf(9)).toBe('obi');
  });

  it('frees an id its own client removed', () => {
    const owners = new PresenceOwners(4);
    owners.claim(5, 'ivy', () => true);
    owners.release(5);
    expect(owners.ownerOf(5)).toBeUndefined();
    owners.claim(5, 'obi', () => true);
    expect(owners.ownerOf(5)).toBe('obi');
  });
});
