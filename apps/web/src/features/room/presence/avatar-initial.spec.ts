import { describe, expect, it } from '@jest/globals';
import { avatarInitial } from './avatar-initial';

describe('avatarInitial', () => {
  it.each([
    { name: 'ada', initial: 'A' },
    { name: '  Émile', initial: 'É' },
    { name: 'e\u0301mile (e + combining accent)', initial: 'E\u0301' },
    { name: '😀 Smiley', initial: '😀' },
    { name: '👩🏽‍💻 Dev', initial: '👩🏽‍💻' },
    { name: '🇫🇷 Paris', initial: '🇫🇷' },
    { name: '김민지', initial: '김' },
    { name: '   ', initial: '?' },
  ])('$name -> $initial', ({ name, initial }) => {
    expect(avatarInitial(name, 'en')).toBe(initial);
  });
});
