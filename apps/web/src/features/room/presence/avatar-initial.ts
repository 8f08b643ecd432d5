/**
 * What an avatar shows: the first grapheme of the name, as a person would read it. `charAt(0)` would cut
 * an emoji (two UTF-16 units, or several code points joined) in half and show a broken character;
 * Intl.Segmenter keeps "👩🏽‍💻", "é" written as e + accent, and flags whole.
 */
export function avatarInitial(name: string, locale?: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  const first = firstGrapheme(trimmed, locale);
  return first.toLocaleUpperCase(locale);
}

function firstGrapheme(text: string, locale?: string): string {
  if (typeof Intl.Segmenter === 'function') {
    const segment = new Intl.Segmenter(locale, { granularity: 'grapheme' }).segment(text)[Symbol.iterator]().next();
    if (!segment.done) return segment.value.segment;
  }
  // Older browsers: at least never split a surrogate pair.
  return Array.from(text)[0] ?? '?';
}
