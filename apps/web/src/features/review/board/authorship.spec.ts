import { describe, expect, it } from '@jest/globals';
import { DOC_KEYS, type RecordingParticipant } from '@mockboard/protocol';
import * as Y from 'yjs';
import { authorLookup, authorsOf, countByAuthor, lastWriters, UNKNOWN_AUTHOR } from './authorship';

function clientDoc(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}

const participants: RecordingParticipant[] = [
  { userId: 'ivy', displayName: 'Ivy', role: 'interviewer', clientIds: [11, 12] },
  { userId: 'cam', displayName: 'Cam', role: 'candidate', clientIds: [21] },
  { userId: 'obi', displayName: 'Obi', role: 'observer', clientIds: [] },
];

describe('authorship', () => {
  it('reads the client of each element’s last write, after the updates travelled between documents', () => {
    const ivy = clientDoc(11);
    const cam = clientDoc(21);
    ivy.getMap(DOC_KEYS.elements).set('box', { v: 1 });
    ivy.getMap(DOC_KEYS.elements).set('arrow', { v: 1 });
    Y.applyUpdate(cam, Y.encodeStateAsUpdate(ivy));
    cam.getMap(DOC_KEYS.elements).set('arrow', { v: 2 });

    const replay = new Y.Doc();
    Y.applyUpdate(replay, Y.encodeStateAsUpdate(cam));
    expect(Object.fromEntries(lastWriters(replay.getMap(DOC_KEYS.elements)))).toEqual({ box: 11, arrow: 21 });
  });

  it('gives each seated participant a colour and maps every one of their clients to them', () => {
    const authors = authorsOf(participants);
    expect(authors.map((a) => a.displayName)).toEqual(['Ivy', 'Cam']);
    expect(new Set(authors.map((a) => a.colour)).size).toBe(2);
    const authorOf = authorLookup(participants, authors);
    expect(authorOf(12).displayName).toBe('Ivy');
    expect(authorOf(21).displayName).toBe('Cam');
    expect(authorOf(99)).toBe(UNKNOWN_AUTHOR);
    expect(authorOf(undefined)).toBe(UNKNOWN_AUTHOR);
  });

  it('counts the elements on the board per author for the legend, naming Unknown only when it has some', () => {
    const authors = authorsOf(participants);
    const writers: Record<string, number> = { a: 11, b: 21, c: 12, gone: 21, odd: 99 };
    const authorOf = authorLookup(participants, authors);
    const el = (id: string, isDeleted = false) => ({ id, isDeleted });
    const legend = (elements: Array<{ id: string; isDeleted: boolean }>) =>
      countByAuthor(elements, authors, (id) => authorOf(writers[id])).map(({ author, count }) => [author.displayName, count]);
    expect(legend([el('a'), el('b'), el('c'), el('gone', true)])).toEqual([
      ['Ivy', 2],
      ['Cam', 1],
    ]);
    expect(legend([el('odd')])).toEqual([
      ['Ivy', 0],
      ['Cam', 0],
      ['Unknown', 1],
    ]);
  });
});
