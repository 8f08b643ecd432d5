import { describe, expect, it } from '@jest/globals';
import type { SessionView } from '@mockboard/protocol';
import { canSwapRoles, candidateFeedbackMode, offersScorecardLink, scorecardAccess } from './scorecard-access';

type Fields = Pick<SessionView, 'myRole' | 'status' | 'scorecard'>;
const card = (status: 'none' | 'draft' | 'submitted' | 'released') => ({ status, recommendation: null, averageScore: null });
const session = (overrides: Partial<Fields>): Fields => ({ myRole: 'candidate', status: 'ended', scorecard: card('draft'), ...overrides });

describe('scorecardAccess', () => {
  it('lets the interviewer read it at any time, even before a draft exists', () => {
    expect(scorecardAccess(session({ myRole: 'interviewer', status: 'live', scorecard: card('none') }))).toBe('full');
  });

  it('lets the candidate read it only once released', () => {
    for (const status of ['none', 'draft', 'submitted'] as const) {
      expect(scorecardAccess(session({ scorecard: card(status) }))).toBe('not_released');
    }
    expect(scorecardAccess(session({ scorecard: card('released') }))).toBe('full');
    expect(scorecardAccess(session({ scorecard: null }))).toBe('not_released');
  });

  it('never lets an observer read it', () => {
    expect(scorecardAccess(session({ myRole: 'observer', scorecard: null }))).toBe('private');
  });
});

describe('offersScorecardLink', () => {
  it('offers the interviewer the link once the interview ended', () => {
    expect(offersScorecardLink(session({ myRole: 'interviewer', status: 'live' }))).toBe(false);
    expect(offersScorecardLink(session({ myRole: 'interviewer', status: 'ended', scorecard: card('none') }))).toBe(true);
  });

  it('offers the candidate the link only after release, and observers never', () => {
    expect(offersScorecardLink(session({ scorecard: card('submitted') }))).toBe(false);
    expect(offersScorecardLink(session({ scorecard: card('released') }))).toBe(true);
    expect(offersScorecardLink(session({ myRole: 'observer', scorecard: null }))).toBe(false);
  });
});

describe('candidateFeedbackMode', () => {
  it('opens after the end and closes on release', () => {
    expect(candidateFeedbackMode({ status: 'live', scorecard: card('draft') })).toBe('before_end');
    expect(candidateFeedbackMode({ status: 'scheduled', scorecard: null })).toBe('before_end');
    expect(candidateFeedbackMode({ status: 'ended', scorecard: card('submitted') })).toBe('open');
    expect(candidateFeedbackMode({ status: 'ended', scorecard: card('released') })).toBe('closed');
  });
});

describe('canSwapRoles', () => {
  it('is for the seated two, after the end', () => {
    expect(canSwapRoles({ myRole: 'candidate', status: 'ended' })).toBe(true);
    expect(canSwapRoles({ myRole: 'interviewer', status: 'ended' })).toBe(true);
    expect(canSwapRoles({ myRole: 'interviewer', status: 'live' })).toBe(false);
    expect(canSwapRoles({ myRole: 'observer', status: 'ended' })).toBe(false);
  });
});
