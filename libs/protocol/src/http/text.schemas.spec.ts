import { seededRandom } from '@mockboard/testing';
import { cleanDisplayName, displayNameSchema, DISPLAY_NAME_MAX, hasControlCharacter, hasLoneSurrogate, paragraphTextSchema } from './text.schemas';

const INVISIBLE = ['\u00ad', '\u061c', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff'];
const POOL = [...INVISIBLE, ' ', 'a', 'Z', 'é', 'e\u0301', 'Å', 'A\u030a', '😀', 'مر', '中', '\u0000', '\t', '\n', '\u007f', '\u0085', '\u2028', '\ud800', '\udc00'];

describe('displayNameSchema (seeded)', () => {
  const random = seededRandom();
  beforeAll(() => console.log(`display name fuzz seed ${random.seed} (replay with FUZZ_SEED=${random.seed})`));

  it('either refuses a name with messages, or stores it clean, NFC, trimmed, 1-60 long and stable', () => {
    for (let i = 0; i < 3_000; i++) {
      let name = '';
      const length = random.int(random.chance(0.1) ? 200 : 12);
      for (let c = 0; c < length; c++) name += random.chance(0.1) ? String.fromCharCode(random.int(0x10000)) : random.pick(POOL);
      const result = displayNameSchema.safeParse(name);
      const context = { seed: random.seed, name: JSON.stringify(name) };
      if (!result.success) {
        const refusedFor = hasControlCharacter(name) || hasLoneSurrogate(name) || cleanDisplayName(name).length === 0 || cleanDisplayName(name).length > DISPLAY_NAME_MAX;
        expect({ ...context, refusedFor }).toEqual({ ...context, refusedFor: true });
        continue;
      }
      const stored = result.data;
      const problems = [
        hasControlCharacter(stored) && 'control',
        hasLoneSurrogate(stored) && 'surrogate',
        INVISIBLE.some((ch) => stored.includes(ch)) && 'invisible',
        stored !== stored.normalize('NFC') && 'not NFC',
        stored !== stored.trim() && 'untrimmed',
        (stored.length < 1 || stored.length > DISPLAY_NAME_MAX) && 'length',
        displayNameSchema.safeParse(stored).data !== stored && 'unstable',
      ].filter(Boolean);
      expect({ ...context, problems }).toEqual({ ...context, problems: [] });
    }
  });
});

describe('paragraphTextSchema', () => {
  const paragraph = paragraphTextSchema(20);

  it('keeps line breaks and tabs, makes Windows line breaks plain, trims', () => {
    expect(paragraph.parse('  one\r\ntwo\tthree \n')).toBe('one\ntwo\tthree');
  });

  it('removes bidi overrides and isolates, which would make the text read otherwise', () => {
    expect(paragraph.parse('pay \u202eevil\u202c \u2066x\u2069')).toBe('pay evil x');
    expect(paragraph.safeParse('\u202e\u2066').success).toBe(false);
  });

  it('refuses other control characters, lone surrogates, empty and over-long text', () => {
    for (const text of ['a\u0007b', 'a\u0085b', 'a\ud800b', '   ', 'x'.repeat(21), 42]) {
      expect(paragraph.safeParse(text).success).toBe(false);
    }
    expect(paragraph.parse('👩‍💻 ok')).toBe('👩‍💻 ok');
  });
});
