import { describe, expect, it } from '@jest/globals';
import type { ChatMessage } from '@mockboard/protocol';
import { mergeMessages } from './chat-messages';

const message = (id: number, text = `m${String(id)}`): ChatMessage => ({ id, at: id * 1000, userId: 'u', displayName: 'Ada', text });

describe('mergeMessages', () => {
  it('lists each message once, in timeline order', () => {
    const merged = mergeMessages([message(1), message(3)], [message(4), message(3), message(2), message(4)]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the stored copy of a message that was also pushed', () => {
    expect(mergeMessages([message(1, 'stored')], [message(1, 'pushed')])[0]?.text).toBe('stored');
  });

  it('works with no history yet', () => {
    expect(mergeMessages([], [message(2), message(1)]).map((m) => m.id)).toEqual([1, 2]);
  });
});
