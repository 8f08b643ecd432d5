export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles over every sample. */
export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const count = sorted.length;
  const at = (p: number): number => (count === 0 ? NaN : (sorted[Math.min(count, Math.max(1, Math.ceil((p / 100) * count))) - 1] as number));
  return { count, p50: at(50), p95: at(95), p99: at(99), max: at(100), mean: count === 0 ? NaN : sorted.reduce((a, b) => a + b, 0) / count };
}

export const median = (values: readonly number[]): number => summarise(values).p50;
