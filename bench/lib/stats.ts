/** Small statistics helpers for benchmarks (no I/O). */

/**
 * The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest sample such that at least
 * p % of the samples are at or below it. Nearest rank never invents a value that was not measured,
 * which is what a latency figure should be. Returns NaN for no samples.
 */
export function percentile(samples: ArrayLike<number>, p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`)
  const n = samples.length
  if (n === 0) return Number.NaN
  const sorted = Float64Array.from(samples).sort()
  const rank = Math.ceil((p / 100) * n)
  return sorted[Math.min(n, Math.max(1, rank)) - 1] as number
}

/** Rounds to a fixed number of decimals, for figures meant to be read. */
export function round(value: number, decimals = 2): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}
