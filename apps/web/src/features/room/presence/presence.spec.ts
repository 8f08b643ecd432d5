import { describe, expect, it } from '@jest/globals';
import { collaboratorsFrom, colorForUser, followedViewport, peersFrom, readPresence, sameViewport } from './presence';

const user = { id: 'u-1', name: 'Ada', color: '#000', role: 'candidate' };

describe('colorForUser', () => {
  it('is stable for one user and differs between users', () => {
    expect(colorForUser('a1b2')).toEqual(colorForUser('a1b2'));
    expect(colorForUser('a1b2').background).not.toBe(colorForUser('a1b3').background);
  });

  // Expected values from Excalidraw 0.18's own getClientColor (dist/dev/index.js, clients.ts) run on these ids:
  // its cursors and our avatars must be the same colour.
  it.each([
    { id: 'a', color: 'hsl(230, 100%, 83%)' },
    { id: '3f2b8c1e-6d4a-4b9e-9a57-0c1d2e3f4a5b', color: 'hsl(80, 100%, 83%)' },
    { id: 'ffffffff-ffff-ffff-ffff-ffffffffffff', color: 'hsl(130, 100%, 83%)' },
  ])('matches the colour Excalidraw gives the cursor of $id', ({ id, color }) => {
    expect(colorForUser(id).background).toBe(color);
  });
});

describe('readPresence', () => {
  it.each([
    { name: 'no user', value: { pointer: { x: 1, y: 2 } } },
    { name: 'a bad role', value: { user: { ...user, role: 'admin' } } },
    { name: 'not an object', value: 'hello' },
    { name: 'null (a client that left)', value: null },
  ])('rejects $name', ({ value }) => {
    expect(readPresence(value)).toBeNull();
  });

  it('keeps the well-formed fields and drops the rest', () => {
    const presence = readPresence({
      user,
      pointer: { x: 10, y: Number.NaN, tool: 'pointer' },
      button: 'sideways',
      selectedElementIds: { e1: true },
      viewport: { scrollX: 1, scrollY: 2, zoom: 1.5, width: 800, height: 600 },
      extra: 'ignored',
    });
    expect(presence).toEqual({
      user,
      selectedElementIds: { e1: true },
      viewport: { scrollX: 1, scrollY: 2, zoom: 1.5, width: 800, height: 600 },
    });
  });
});

describe('peersFrom / collaboratorsFrom', () => {
  it('skips my own client and invalid states, and names cursors after the user', () => {
    const states = new Map<number, unknown>([
      [7, { user: { ...user, id: 'me' } }],
      [9, { user, pointer: { x: 1, y: 2, tool: 'laser' }, button: 'down' }],
      [3, { broken: true }],
    ]);
    const peers = peersFrom(states, 7);
    expect(peers.map((p) => p.clientId)).toEqual([9]);
    const collaborator = collaboratorsFrom(peers).get('9');
    expect(collaborator).toMatchObject({ username: 'Ada', pointer: { x: 1, y: 2, tool: 'laser' }, button: 'down', color: colorForUser('u-1') });
  });
});

describe('followedViewport', () => {
  it('puts the centre of their screen at the centre of mine, at their zoom', () => {
    const theirs = { scrollX: -100, scrollY: -50, zoom: 2, width: 1000, height: 800 };
    const mine = followedViewport(theirs, { width: 500, height: 400 });
    // Scene point at the centre of a screen: width / 2 / zoom - scrollX.
    const theirCentre = { x: 1000 / 2 / 2 + 100, y: 800 / 2 / 2 + 50 };
    expect(500 / 2 / mine.zoom - mine.scrollX).toBeCloseTo(theirCentre.x);
    expect(400 / 2 / mine.zoom - mine.scrollY).toBeCloseTo(theirCentre.y);
    expect(mine.zoom).toBe(2);
  });

  it('is the identity for windows of the same size', () => {
    const theirs = { scrollX: 12, scrollY: -40, zoom: 0.5, width: 900, height: 700 };
    expect(sameViewport(followedViewport(theirs, theirs), theirs)).toBe(true);
  });
});
