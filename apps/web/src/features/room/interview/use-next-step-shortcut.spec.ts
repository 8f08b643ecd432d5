import { describe, expect, it } from '@jest/globals';
import { isNextStepShortcut } from './use-next-step-shortcut';

const keys = { altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, code: 'KeyN' };

describe('isNextStepShortcut', () => {
  it('is Alt+Shift+N, by key position (a Mac types another character with Alt)', () => {
    expect(isNextStepShortcut({ ...keys, altKey: true, shiftKey: true })).toBe(true);
  });

  it.each([
    { name: 'N alone (free for Excalidraw)', event: keys },
    { name: 'Shift+N', event: { ...keys, shiftKey: true } },
    { name: 'Alt+N', event: { ...keys, altKey: true } },
    { name: 'Ctrl+Alt+Shift+N', event: { ...keys, altKey: true, shiftKey: true, ctrlKey: true } },
    { name: 'Alt+Shift+M', event: { ...keys, altKey: true, shiftKey: true, code: 'KeyM' } },
  ])('is not $name', ({ event }) => {
    expect(isNextStepShortcut(event)).toBe(false);
  });
});
