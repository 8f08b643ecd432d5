import { HandshakeRevocations } from './handshake-revocations';

const ivy = { authSessionId: 'sign-in-1', sessionId: 'session-1', userId: 'ivy' };

describe('HandshakeRevocations (rule P10)', () => {
  it('tells a handshake whose access ended while it ran, and only that one', () => {
    const revocations = new HandshakeRevocations();
    revocations.record({ kind: 'signed_out', authSessionId: 'sign-in-1' }); // before it started: the check saw it
    const running = revocations.start();
    const other = revocations.start();
    revocations.record({ kind: 'left_session', sessionId: 'session-1', userId: 'ivy' });
    expect(revocations.finish(other, { ...ivy, sessionId: 'session-2' })).toBeUndefined();
    expect(revocations.finish(running, ivy)).toEqual({ kind: 'left_session', sessionId: 'session-1', userId: 'ivy' });
  });

  it('keeps revocations only while a handshake that started before them runs', () => {
    const revocations = new HandshakeRevocations();
    const first = revocations.start();
    revocations.record({ kind: 'signed_out', authSessionId: 'sign-in-1' });
    expect(revocations.finish(first, undefined)).toBeUndefined();
    // Nothing runs any more: what was kept is gone, and a later handshake is not refused for it.
    const later = revocations.start();
    expect(revocations.finish(later, ivy)).toBeUndefined();
  });
});
