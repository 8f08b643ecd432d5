import { describe, expect, it } from '@jest/globals';
import { inviteCodeOf, isInvitePath, loginPathFor, safeNextPath } from './next-path';

describe('loginPathFor', () => {
  it.each([
    { path: '/', expected: '/login' },
    { path: '/sessions/abc', expected: '/login?next=%2Fsessions%2Fabc' },
    // Invitees usually have no account: they land on the guest form, and come back to the invite after.
    { path: '/join/AB12CD34', expected: '/guest?next=%2Fjoin%2FAB12CD34' },
    { path: '/login?next=%2F', expected: '/login' },
  ])('$path -> $expected', ({ path, expected }) => {
    expect(loginPathFor(path)).toBe(expected);
  });
});

describe('isInvitePath', () => {
  it.each([
    { path: '/join/AB12CD34', expected: true },
    { path: '/join/', expected: false },
    { path: '/joined', expected: false },
    { path: null, expected: false },
  ])('$path -> $expected', ({ path, expected }) => {
    expect(isInvitePath(path)).toBe(expected);
  });
});

describe('inviteCodeOf', () => {
  it.each([
    { path: '/join/AB12CD34', expected: 'AB12CD34' },
    { path: '/join/AB12CD34?x=1', expected: 'AB12CD34' },
    { path: '/join/AB%2012', expected: 'AB 12' },
    { path: '/join/%E0%A4%A', expected: '%E0%A4%A' },
    { path: '/sessions/abc', expected: null },
    { path: null, expected: null },
  ])('$path -> $expected', ({ path, expected }) => {
    expect(inviteCodeOf(path)).toBe(expected);
  });
});

describe('safeNextPath', () => {
  it.each([
    { next: '/join/AB12CD34', expected: '/join/AB12CD34' },
    { next: '//evil.example', expected: '/' },
    { next: 'https://evil.example', expected: '/' },
    { next: '/guest', expected: '/' },
  ])('$next -> $expected', ({ next, expected }) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
