/** Latency statistics. */

export interface LatencySummary {
  count: number;
  minMs: number | null;
  meanMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

/**
 * The p-th percentile (0 < p <= 100) of ascending `sorted` values by the nearest-rank method: the
 * smallest value with at least p % of the values at or below it (rank ceil(p/100 × n)). Null for
 * no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (value: number | null, digits = 2): number | null => (value === null ? null : Number(value.toFixed(digits)));

export function summarizeLatencies(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? null : sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    count: sorted.length,
    minMs: round(sorted[0] ?? null),
    meanMs: round(mean),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? null),
  };
}

/** The median of a few values (e.g. repeated measurements); null for none. */
export function median(values: readonly number[]): number | null {
  return percentile([...values].sort((a, b) => a - b), 50);
}
