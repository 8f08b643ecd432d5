import { describe, expect, it } from '@jest/globals';
import { DOC_KEYS } from '@mockboard/protocol';
import * as Y from 'yjs';
import { compareScene, describeElement, DIFF_COLOURS, paintByAuthor, SceneReader, visibleCount, type BoardElement } from './board-scene';
import { diffMoments } from './moment-diff';

const el = (id: string, index: string, extra: Partial<Record<string, unknown>> = {}) =>
  ({ id, index, version: 1, versionNonce: 1, isDeleted: false, type: 'rectangle', strokeColor: '#000', opacity: 100, strokeStyle: 'solid', ...extra }) as unknown as BoardElement;

describe('SceneReader', () => {
  it('returns copies in stacking order, and copies again only what was written since', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<BoardElement>(DOC_KEYS.elements);
    map.set('top', el('top', 'a2'));
    map.set('bottom', el('bottom', 'a1'));
    const reader = new SceneReader();
    const first = reader.read(map);
    expect(first.map((e) => e.id)).toEqual(['bottom', 'top']);
    expect(first[0]).not.toBe(map.get('bottom'));

    map.set('top', el('top', 'a2', { version: 2 }));
    const second = reader.read(map);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.version).toBe(2);
  });
});

describe('scene decorations', () => {
  it('counts the elements on the board, leaving deleted ones out', () => {
    expect(visibleCount([el('a', 'a1'), el('b', 'a2', { isDeleted: true })])).toBe(1);
  });

  it('outlines each element in its author’s colour without touching the originals', () => {
    const original = el('a', 'a1');
    const painted = paintByAuthor([original], (id) => (id === 'a' ? '#0072b2' : '#000'));
    expect(painted[0]?.strokeColor).toBe('#0072b2');
    expect(original.strokeColor).toBe('#000');
  });

  it('highlights what was added and changed, fades the rest, and brings back what was removed as ghosts', () => {
    const before = [el('kept', 'a1'), el('edited', 'a2'), el('gone', 'a3')];
    const after = [el('kept', 'a1'), el('edited', 'a2', { version: 2 }), el('new', 'a4'), el('old', 'a0', { isDeleted: true })];
    const scene = compareScene(after, diffMoments(before, after));
    expect(scene.map((e) => [e.id, e.strokeColor, e.opacity])).toEqual([
      ['kept', '#000', 25],
      ['edited', DIFF_COLOURS.changed, 100],
      ['gone', DIFF_COLOURS.removed, 60],
      ['new', DIFF_COLOURS.added, 100],
    ]);
    expect(scene.find((e) => e.id === 'gone')?.strokeStyle).toBe('dashed');
  });

  it('names elements for the list of changes, quoting texts', () => {
    expect(describeElement(el('a', 'a1'))).toBe('Rectangle');
    expect(describeElement(el('b', 'a1', { type: 'freedraw' }))).toBe('Drawing');
    expect(describeElement(el('c', 'a1', { type: 'text', text: 'Feature\nstore', originalText: 'Feature store' }))).toBe('Text “Feature store”');
  });
});
