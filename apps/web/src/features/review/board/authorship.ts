import type { RecordingParticipant } from '@mockboard/protocol';
import type * as Y from 'yjs';

/**
 * "Who drew what". The shared map keeps, for each key, the Yjs item of its last write, and the item's id
 * names the client that wrote it; the recording lists each participant's client ids.
 */
export function lastWriters(elements: Y.Map<unknown>): Map<string, number> {
  const writers = new Map<string, number>();
  for (const [key, item] of elements._map) writers.set(key, item.id.client);
  return writers;
}

export interface Author {
  userId: string;
  displayName: string;
  colour: string;
}

/** Elements whose writer's client is in no participant's list (e.g. a server-side migration). */
export const UNKNOWN_AUTHOR: Author = { userId: '', displayName: 'Unknown', colour: '#737a8c' };

/** Distinct for people with the common colour-vision deficiencies, and dark enough on white. */
const AUTHOR_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#b8860b', '#6a3d9a'] as const;

/** One colour per participant, in the recording's order; observers never edit, so they get none. */
export function authorsOf(participants: readonly RecordingParticipant[]): Author[] {
  return participants
    .filter((p) => p.role !== 'observer')
    .map((p, index) => ({ userId: p.userId, displayName: p.displayName, colour: AUTHOR_COLOURS[index % AUTHOR_COLOURS.length] ?? UNKNOWN_AUTHOR.colour }));
}

/** Finds an element's author from its writer's client id. */
export function authorLookup(participants: readonly RecordingParticipant[], authors: readonly Author[]): (clientId: number | undefined) => Author {
  const byUser = new Map(authors.map((a) => [a.userId, a]));
  const byClient = new Map<number, Author>();
  for (const participant of participants) {
    const author = byUser.get(participant.userId);
    if (author) for (const clientId of participant.clientIds) byClient.set(clientId, author);
  }
  return (clientId) => (clientId === undefined ? UNKNOWN_AUTHOR : (byClient.get(clientId) ?? UNKNOWN_AUTHOR));
}

/** The legend: each author with how many elements on the board are theirs; "Unknown" only when some are. */
export function countByAuthor(
  elements: ReadonlyArray<{ id: string; isDeleted: boolean }>,
  authors: readonly Author[],
  authorOfElement: (id: string) => Author,
): Array<{ author: Author; count: number }> {
  const counts = new Map<Author, number>(authors.map((a) => [a, 0]));
  for (const element of elements) {
    if (element.isDeleted) continue;
    const author = authorOfElement(element.id);
    counts.set(author, (counts.get(author) ?? 0) + 1);
  }
  return [...counts].filter(([author, count]) => author !== UNKNOWN_AUTHOR || count > 0).map(([author, count]) => ({ author, count }));
}
