import type { YjsAck } from '@mockboard/protocol';
import { DelayedAcks } from './delayed-acks';

describe('DelayedAcks', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('holds acknowledgements until the delay, then sends them in order, each saying committed', () => {
    const acks = new DelayedAcks(100);
    const sent: Array<[number, YjsAck]> = [];
    acks.add((ack) => sent.push([1, ack]));
    jest.advanceTimersByTime(40);
    acks.add((ack) => sent.push([2, ack]));
    jest.advanceTimersByTime(59);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([
      [1, { ok: true }],
      [2, { ok: true }],
    ]);
  });

  it('sends everything held back as soon as other traffic leaves for the client', () => {
    const acks = new DelayedAcks(100);
    const sent: number[] = [];
    acks.add(() => sent.push(1));
    acks.flush();
    expect(sent).toEqual([1]);
    jest.advanceTimersByTime(200);
    expect(sent).toEqual([1]);
  });

  it('sends at once with no delay configured, and drops what is held or committed after the client leaves', () => {
    const sent: string[] = [];
    new DelayedAcks(0).add(() => sent.push('now'));
    const leaving = new DelayedAcks(100);
    leaving.add(() => sent.push('never'));
    leaving.cancel();
    leaving.add(() => sent.push('after leaving'));
    jest.advanceTimersByTime(200);
    expect(sent).toEqual(['now']);
  });
});
