import { describe, expect, it } from '@jest/globals';
import { relativeTime, sessionMoment } from './session-time';

const NOW = Date.parse('2025-03-10T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000);

describe('relativeTime', () => {
  it.each([
    { seconds: 0, expected: 'just now' },
    { seconds: 59, expected: 'just now' },
    { seconds: 5 * 60, expected: '5 minutes ago' },
    { seconds: 60 * 60 + 59, expected: '1 hour ago' },
    { seconds: 26 * 3600, expected: 'yesterday' },
    { seconds: 3 * 24 * 3600, expected: '3 days ago' },
    { seconds: 15 * 24 * 3600, expected: '2 weeks ago' },
    { seconds: 400 * 24 * 3600, expected: 'last year' },
    { seconds: -2 * 3600, expected: 'in 2 hours' },
  ])('$seconds s ago -> $expected', ({ seconds, expected }) => {
    expect(relativeTime(ago(seconds), NOW)).toBe(expected);
  });
});

describe('sessionMoment', () => {
  const createdAt = '2025-03-10T10:00:00Z';
  const startedAt = '2025-03-10T10:05:00Z';
  const endedAt = '2025-03-10T10:50:00Z';

  it('names the latest thing that happened', () => {
    expect(sessionMoment({ createdAt, startedAt: null, endedAt: null })).toEqual({ event: 'created', at: new Date(createdAt) });
    expect(sessionMoment({ createdAt, startedAt, endedAt: null })).toEqual({ event: 'started', at: new Date(startedAt) });
    expect(sessionMoment({ createdAt, startedAt, endedAt })).toEqual({ event: 'ended', at: new Date(endedAt) });
  });

  it('treats a session ended before it started (cancelled) as ended', () => {
    expect(sessionMoment({ createdAt, startedAt: null, endedAt })).toEqual({ event: 'ended', at: new Date(endedAt) });
  });
});
