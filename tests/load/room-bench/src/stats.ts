import { percentile } from '../../shared/stats';

/** p99 of the samples arriving in each whole second of the window, so warm-up and stalls show. */
export function p99BySecond(samples: Float64Array, arrivedAtMs: Float64Array, seconds: number): number[] {
  const buckets: number[][] = Array.from({ length: Math.ceil(seconds) }, () => []);
  samples.forEach((value, i) => buckets[Math.floor((arrivedAtMs[i] ?? -1) / 1000)]?.push(value));
  return buckets.map((bucket) => percentile(Float64Array.from(bucket).sort(), 99));
}

/** Joins sample arrays from several generator processes. */
export function concatSamples(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A growable Float64Array, so recording a sample allocates nothing on the hot path. */
export class SampleBuffer {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
