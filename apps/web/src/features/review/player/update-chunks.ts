/**
 * The player reads the updates it plays in fixed chunks of session time, so each chunk is asked for once
 * (and the browser may cache it: the server marks the answer immutable) and playing at 8x costs a request
 * every few seconds, never one per frame.
 */
export const CHUNK_MS = 30_000;

/** How far ahead of the playhead the updates are read, in wall time: the network's head start. */
const PREFETCH_WALL_MS = 10_000;

export interface Chunk {
  index: number;
  /** Inclusive bounds, in whole milliseconds, as `updates?from=&to=` takes them. */
  fromMs: number;
  toMs: number;
}

export function chunkOf(atMs: number): number {
  return Math.floor(Math.max(0, atMs) / CHUNK_MS);
}

export function chunkBounds(index: number, durationMs: number): Chunk {
  return { index, fromMs: index * CHUNK_MS, toMs: Math.min((index + 1) * CHUNK_MS - 1, durationMs) };
}

/** The chunks holding every update with `fromMs < atMs <= toMs`: what moving the board forward needs. */
export function chunksBetween(fromMs: number, toMs: number, durationMs: number): Chunk[] {
  if (toMs <= fromMs) return [];
  const chunks: Chunk[] = [];
  for (let index = chunkOf(fromMs + 1); index <= chunkOf(Math.min(toMs, durationMs)); index++) chunks.push(chunkBounds(index, durationMs));
  return chunks;
}

/** The chunks to have while playing from `positionMs` at `speed`: the current one and those the next seconds reach. */
export function chunksAhead(positionMs: number, speed: number, durationMs: number): Chunk[] {
  const horizon = Math.min(durationMs, positionMs + PREFETCH_WALL_MS * speed);
  const chunks: Chunk[] = [];
  for (let index = chunkOf(positionMs); index <= chunkOf(horizon); index++) chunks.push(chunkBounds(index, durationMs));
  return chunks;
}
