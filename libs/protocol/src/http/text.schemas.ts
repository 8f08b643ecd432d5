import { z } from 'zod';

export const DISPLAY_NAME_MAX = 60;

/**
 * Characters that change how the text around them is shown while showing nothing themselves: bidi
 * embeddings, overrides and isolates (which can make "Alice" render as someone else's name or reverse the
 * words after it), directional marks, zero-width spaces and joiners, the word joiner, the byte order mark
 * and the soft hyphen. They are removed from names rather than refused, because copy-pasted text carries
 * them without the person knowing.
 */
const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Half of a surrogate pair with no other half: not Unicode text, and Postgres would store U+FFFD instead. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** C0 controls, DEL, C1 controls and the two Unicode line separators: none belongs in one line of text. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** What a display name is stored as: invisible formatting removed, NFC, trimmed. */
export function cleanDisplayName(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC').trim();
}

const CONTROL_MESSAGE = 'must not contain control characters (such as NUL, tabs or line breaks)';
const UNICODE_MESSAGE = 'must be valid Unicode text';

/**
 * A name shown to other people. Lengths are checked after cleaning, so a name made only of invisible
 * characters is empty, and padding with them cannot hide a long one.
 */
export const displayNameSchema = z
  .string('must be a string')
  .refine((v) => !hasControlCharacter(v), CONTROL_MESSAGE)
  .refine((v) => !hasLoneSurrogate(v), UNICODE_MESSAGE)
  .transform(cleanDisplayName)
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(DISPLAY_NAME_MAX, `must be at most ${DISPLAY_NAME_MAX} characters`),
  );

/**
 * A password is only ever hashed, never shown, so any character the person can type is theirs to use;
 * NUL is refused as everywhere else, and a lone surrogate would hash as U+FFFD, colliding with others.
 */
export function secretTextSchema(max: number) {
  return z
    .string('must be a string')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
    .refine((v) => !hasLoneSurrogate(v), UNICODE_MESSAGE);
}

/**
 * A short code typed or pasted by a person. Surrounding whitespace (a pasted line break) is trimmed first;
 * control characters left inside are refused.
 */
export function codeTextSchema(max: number) {
  return z
    .string('must be a string')
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !hasControlCharacter(v), CONTROL_MESSAGE)
    .refine((v) => !hasLoneSurrogate(v), UNICODE_MESSAGE);
}

/** Controls other than tab and line feed: a paragraph may have line breaks, nothing else invisible. */
export function hasControlOutsideParagraph(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x0a) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * Bidi embeddings, overrides and isolates: they can make text read as something else than what is stored
 * (reversing the words after them). Unlike a display name, a paragraph keeps its zero-width joiners, which
 * emoji and some scripts need.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Written text that may run over several lines (a prompt, a chat message): bidi controls removed, Windows
 * line breaks made plain, trimmed, then 1 to `max` characters with no control characters but tabs and line
 * breaks.
 */
export function paragraphTextSchema(max: number) {
  return z
    .string('must be a string')
    .transform((v) => v.replace(BIDI_CONTROLS, '').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        .refine((v) => !hasControlOutsideParagraph(v), 'must not contain control characters other than tabs and line breaks')
        .refine((v) => !hasLoneSurrogate(v), UNICODE_MESSAGE),
    );
}

/** One line of text written by a person (a title, a tag): trimmed, 1 to `max` characters. */
export function lineTextSchema(max: number) {
  return codeTextSchema(max).pipe(z.string().min(1, 'must not be empty'));
}
