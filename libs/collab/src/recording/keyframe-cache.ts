/**
 * The keyframes a process served last, up to a byte budget: a reviewer scrubbing back and forth asks for
 * the same few again and again, and a built keyframe never changes (a rebuild writes the same bytes).
 */
export class KeyframeCache {
  private readonly entries = new Map<string, Uint8Array>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(sessionId: string, seq: number): Uint8Array | undefined {
    const key = `${sessionId}:${seq}`;
    const state = this.entries.get(key);
    if (state) {
      // Map order is insertion order: moving a hit to the end makes the first entry the least recently used.
      this.entries.delete(key);
      this.entries.set(key, state);
    }
    return state;
  }

  set(sessionId: string, seq: number, state: Uint8Array): void {
    if (state.byteLength > this.maxBytes) return;
    const key = `${sessionId}:${seq}`;
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.byteLength;
    this.entries.delete(key);
    this.entries.set(key, state);
    this.bytes += state.byteLength;
    for (const [oldest, evicted] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= evicted.byteLength;
    }
  }
}
