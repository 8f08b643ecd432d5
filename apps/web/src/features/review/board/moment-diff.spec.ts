import { describe, expect, it } from '@jest/globals';
import { diffMoments, isEmptyDiff } from './moment-diff';

const el = (id: string, version = 1, isDeleted = false, versionNonce = 7) => ({ id, version, versionNonce, isDeleted });
const ids = (elements: ReadonlyArray<{ id: string }>) => elements.map((e) => e.id).sort();

describe('diffMoments', () => {
  it('lists what was added, changed and removed between A and B', () => {
    const diff = diffMoments([el('kept'), el('edited'), el('gone'), el('deleted')], [el('kept'), el('edited', 2), el('new'), el('deleted', 2, true)]);
    expect(ids(diff.added)).toEqual(['new']);
    expect(ids(diff.changed)).toEqual(['edited']);
    expect(ids(diff.removed)).toEqual(['deleted', 'gone']);
    expect(diff.changed[0]?.version).toBe(2);
    expect(diff.removed.find((e) => e.id === 'deleted')?.isDeleted).toBe(false);
  });

  it('counts an element restored from deletion as added, and one drawn and deleted in between as nothing', () => {
    const diff = diffMoments([el('restored', 3, true)], [el('restored', 4), el('ephemeral', 2, true)]);
    expect(ids(diff.added)).toEqual(['restored']);
    expect(diff.removed).toEqual([]);
  });

  it('sees an edit that kept the version but re-rolled the nonce, and nothing when both moments match', () => {
    expect(ids(diffMoments([el('a', 1, false, 1)], [el('a', 1, false, 2)]).changed)).toEqual(['a']);
    expect(isEmptyDiff(diffMoments([el('a')], [el('a')]))).toBe(true);
  });
});
