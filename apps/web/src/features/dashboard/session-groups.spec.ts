import { describe, expect, it } from '@jest/globals';
import type { SessionView } from '@mockboard/protocol';
import { groupSessions, scoreSummary } from './session-groups';

const session = (id: string, status: SessionView['status']) => ({ id, status }) as SessionView;
type Card = NonNullable<SessionView['scorecard']>;
const card = (status: Card['status'], recommendation: Card['recommendation'] = null, averageScore: number | null = null): Card => ({
  status,
  recommendation,
  averageScore,
});

describe('groupSessions', () => {
  it('puts live first, then upcoming and past, keeping the API order within each and leaving out empty groups', () => {
    const groups = groupSessions([session('a', 'ended'), session('b', 'scheduled'), session('c', 'ended'), session('d', 'scheduled')]);
    expect(groups.map((g) => [g.title, g.sessions.map((s) => s.id)])).toEqual([
      ['Upcoming', ['b', 'd']],
      ['Past', ['a', 'c']],
    ]);
    expect(groupSessions([session('e', 'live')]).map((g) => g.id)).toEqual(['live']);
    expect(groupSessions([])).toEqual([]);
  });
});

describe('scoreSummary', () => {
  it('shows the candidate the score after release, and that it waits before', () => {
    expect(scoreSummary({ status: 'ended', myRole: 'candidate', scorecard: card('released', 'lean_hire', 2.857) })).toEqual({ score: 'Lean hire · 2.9 / 4', note: null });
    expect(scoreSummary({ status: 'ended', myRole: 'candidate', scorecard: card('submitted') })).toEqual({ score: null, note: 'Scorecard not released yet' });
  });

  it('shows the interviewer the score and where the card stands', () => {
    expect(scoreSummary({ status: 'ended', myRole: 'interviewer', scorecard: card('draft', null, 3) })).toEqual({ score: '3.0 / 4', note: 'Scorecard draft' });
    expect(scoreSummary({ status: 'ended', myRole: 'interviewer', scorecard: card('none') })).toEqual({ score: null, note: 'Scorecard not started' });
    expect(scoreSummary({ status: 'ended', myRole: 'interviewer', scorecard: card('released', 'hire', 3.5) })).toEqual({ score: 'Hire · 3.5 / 4', note: null });
  });

  it('says nothing before the end, or to an observer', () => {
    expect(scoreSummary({ status: 'live', myRole: 'interviewer', scorecard: card('draft', 'hire', 3) })).toBeNull();
    expect(scoreSummary({ status: 'ended', myRole: 'observer', scorecard: null })).toBeNull();
  });
});
