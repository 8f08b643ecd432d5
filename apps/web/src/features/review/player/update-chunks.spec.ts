import { describe, expect, it } from '@jest/globals';
import { chunkBounds, chunkOf, chunksAhead, chunksBetween, CHUNK_MS } from './update-chunks';

describe('update chunks', () => {
  it('cuts session time into chunks whose inclusive bounds meet without overlapping, the last one clipped to the end', () => {
    expect(chunkOf(0)).toBe(0);
    expect(chunkOf(CHUNK_MS - 1)).toBe(0);
    expect(chunkOf(CHUNK_MS)).toBe(1);
    expect(chunkBounds(0, 100_000)).toEqual({ index: 0, fromMs: 0, toMs: CHUNK_MS - 1 });
    expect(chunkBounds(3, 100_000)).toEqual({ index: 3, fromMs: 3 * CHUNK_MS, toMs: 100_000 });
  });

  it('finds the chunks moving the board forward needs, leaving out the moment it already shows', () => {
    expect(chunksBetween(CHUNK_MS - 1, CHUNK_MS + 5, 100_000).map((c) => c.index)).toEqual([1]);
    expect(chunksBetween(10, 2 * CHUNK_MS, 100_000).map((c) => c.index)).toEqual([0, 1, 2]);
    expect(chunksBetween(500, 500, 100_000)).toEqual([]);
    expect(chunksBetween(900, 100, 100_000)).toEqual([]);
  });

  it('reads further ahead the faster it plays, never past the end', () => {
    expect(chunksAhead(0, 1, 600_000).map((c) => c.index)).toEqual([0]);
    expect(chunksAhead(0, 8, 600_000).map((c) => c.index)).toEqual([0, 1, 2]);
    expect(chunksAhead(50_000, 8, 60_000).map((c) => c.index)).toEqual([1, 2]);
    expect(chunksAhead(50_000, 8, 60_000).at(-1)).toEqual({ index: 2, fromMs: 60_000, toMs: 60_000 });
  });
});
