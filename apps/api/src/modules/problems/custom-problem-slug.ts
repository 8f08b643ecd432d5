import { randomBytes } from 'node:crypto';
import { CUSTOM_PROBLEM_PREFIX } from '@mockboard/protocol';

const TITLE_WORDS_MAX = 40;

/** `custom-<words of the title>-<random>`: readable in a URL, never guessable, never a built-in's slug. */
export function newCustomProblemSlug(title: string): string {
  const words = title
    .normalize('NFKD')
    // Decomposed accents go, so "Über" reads "uber".
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, TITLE_WORDS_MAX)
    .replace(/^-+|-+$/g, '');
  const suffix = randomBytes(5).toString('hex');
  return `${CUSTOM_PROBLEM_PREFIX}${words ? `${words}-` : ''}${suffix}`;
}
