import { describe, expect, it } from '@jest/globals';
import { findLocalChanges, isNewer, mergeRemoteElements, orderByIndex, type SyncedElement } from './element-merge';

interface TestElement extends SyncedElement {
  /** Tells copies of one element apart in assertions. */
  label: string;
}

function el(id: string, version: number, versionNonce: number, index: string | null = 'a0', label = `${id}@${version}/${versionNonce}`): TestElement {
  return { id, version, versionNonce, index, isDeleted: false, label };
}

const labels = (elements: readonly TestElement[]): string[] => elements.map((e) => e.label);

describe('isNewer', () => {
  it.each([
    { name: 'higher version wins', candidate: el('a', 3, 9), current: el('a', 2, 1), expected: true },
    { name: 'lower version loses', candidate: el('a', 2, 1), current: el('a', 3, 9), expected: false },
    { name: 'equal version: lower nonce wins', candidate: el('a', 2, 1), current: el('a', 2, 5), expected: true },
    { name: 'equal version: higher nonce loses', candidate: el('a', 2, 5), current: el('a', 2, 1), expected: false },
    { name: 'identical copies never replace each other', candidate: el('a', 2, 5), current: el('a', 2, 5), expected: false },
  ])('$name', ({ candidate, current, expected }) => {
    expect(isNewer(candidate, current)).toBe(expected);
  });
});

describe('mergeRemoteElements', () => {
  it.each([
    {
      name: 'adds an element the scene does not have',
      local: [el('a', 1, 1, 'a0')],
      remote: [el('b', 1, 1, 'a1')],
      elements: ['a@1/1', 'b@1/1'],
      changed: true,
      writeBack: [],
    },
    {
      name: 'replaces an older local copy',
      local: [el('a', 1, 1)],
      remote: [el('a', 2, 7)],
      elements: ['a@2/7'],
      changed: true,
      writeBack: [],
    },
    {
      name: 'keeps a newer local copy and writes it back',
      local: [el('a', 4, 1)],
      remote: [el('a', 3, 1)],
      elements: ['a@4/1'],
      changed: false,
      writeBack: ['a@4/1'],
    },
    {
      name: 'on a version tie the lower nonce wins (remote side)',
      local: [el('a', 2, 9)],
      remote: [el('a', 2, 3)],
      elements: ['a@2/3'],
      changed: true,
      writeBack: [],
    },
    {
      name: 'on a version tie the lower nonce wins (local side)',
      local: [el('a', 2, 3)],
      remote: [el('a', 2, 9)],
      elements: ['a@2/3'],
      changed: false,
      writeBack: ['a@2/3'],
    },
    {
      name: 'an identical copy is neither applied nor written back (no echo)',
      local: [el('a', 2, 3)],
      remote: [el('a', 2, 3)],
      elements: ['a@2/3'],
      changed: false,
      writeBack: [],
    },
    {
      name: 'orders by fractional index, ties by id',
      local: [el('c', 1, 1, 'a2'), el('a', 1, 1, 'a0')],
      remote: [el('b', 1, 1, 'a1'), el('d', 1, 1, 'a1')],
      elements: ['a@1/1', 'b@1/1', 'd@1/1', 'c@1/1'],
      changed: true,
      writeBack: [],
    },
    {
      name: 'a remote re-order moves the element',
      local: [el('a', 1, 1, 'a0'), el('b', 1, 1, 'a1')],
      remote: [el('a', 2, 1, 'a2')],
      elements: ['b@1/1', 'a@2/1'],
      changed: true,
      writeBack: [],
    },
  ])('$name', ({ local, remote, elements, changed, writeBack }) => {
    const result = mergeRemoteElements(local, remote);
    expect(labels(result.elements)).toEqual(elements);
    expect(result.changed).toBe(changed);
    expect(labels(result.writeBack)).toEqual(writeBack);
  });

  it('syncs deletions like any other change', () => {
    const deleted = { ...el('a', 3, 1), isDeleted: true };
    const result = mergeRemoteElements([el('a', 2, 1)], [deleted]);
    expect(result.elements).toEqual([deleted]);
  });

  it('holds back a newer remote copy of an element being edited locally', () => {
    const result = mergeRemoteElements([el('a', 2, 1)], [el('a', 5, 1)], { protectedIds: new Set(['a']) });
    expect(labels(result.elements)).toEqual(['a@2/1']);
    expect(result.changed).toBe(false);
    expect(result.writeBack).toEqual([]);
  });

  it('a read-only client takes any differing shared copy and writes nothing back', () => {
    const result = mergeRemoteElements([el('a', 3, 1), el('b', 2, 2)], [el('a', 2, 9), el('b', 2, 2)], { readOnly: true });
    expect(labels(result.elements)).toEqual(['a@2/9', 'b@2/2']);
    expect(result.changed).toBe(true);
    expect(result.writeBack).toEqual([]);
  });

  it('converges: two clients merging each other’s copies end with the same scene', () => {
    const clientA = [el('x', 3, 40, 'a0'), el('y', 1, 1, 'a1')];
    const clientB = [el('x', 3, 12, 'a0'), el('z', 1, 1, 'a1')];
    const a = mergeRemoteElements(clientA, clientB).elements;
    const b = mergeRemoteElements(clientB, clientA).elements;
    expect(labels(a)).toEqual(labels(b));
    expect(labels(a)).toEqual(['x@3/12', 'y@1/1', 'z@1/1']);
  });

  it('does not mutate its inputs', () => {
    const local = [el('b', 1, 1, 'a1'), el('a', 1, 1, 'a0')];
    const before = labels(local);
    mergeRemoteElements(local, [el('c', 1, 1, 'a2')]);
    expect(labels(local)).toEqual(before);
  });
});

describe('findLocalChanges', () => {
  const stored = new Map([
    ['same', el('same', 2, 5)],
    ['older', el('older', 1, 1)],
    ['newer', el('newer', 9, 1)],
  ]);
  const lookup = (id: string) => stored.get(id);

  it.each([
    { name: 'an unchanged element (a pointer move) writes nothing', local: [el('same', 2, 5)], toWrite: [], behind: [] },
    { name: 'an edited element is written', local: [el('older', 2, 8)], toWrite: ['older@2/8'], behind: [] },
    { name: 'a new element is written', local: [el('fresh', 1, 3)], toWrite: ['fresh@1/3'], behind: [] },
    { name: 'an older local copy is not written but reported', local: [el('newer', 3, 1)], toWrite: [], behind: ['newer'] },
  ])('$name', ({ local, toWrite, behind }) => {
    const result = findLocalChanges(local, lookup);
    expect(labels(result.toWrite)).toEqual(toWrite);
    expect(result.behind).toEqual(behind);
  });
});

describe('orderByIndex', () => {
  it('puts elements without an index last, keeping their order', () => {
    const ordered = orderByIndex([el('n1', 1, 1, null), el('b', 1, 1, 'a1'), el('n2', 1, 1, null), el('a', 1, 1, 'a0')]);
    expect(ordered.map((e) => e.id)).toEqual(['a', 'b', 'n1', 'n2']);
  });
});
