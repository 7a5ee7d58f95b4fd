/**
 * Mean with a two-sided Student-t confidence interval, from sufficient statistics (n, Σx, Σx²) so that
 * SQL can aggregate per group and groups can be combined by adding their sums.
 *
 * Rules: sample variance s² = (Σx² − (Σx)²/n) / (n − 1); standard error s/√n; interval
 * mean ± t(1 − α/2; n − 1) · s/√n (e.g. Moore & McCabe, Introduction to the Practice of Statistics, ch. 7;
 * identical to R's `t.test(x)$conf.int`). The t quantile comes from @stdlib/stats-base-dists-t-quantile.
 * With n < 2 there is no interval; the mean alone is returned with null bounds.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile'

/** Sufficient statistics of a sample. */
export interface Moments {
  n: number
  sum: number
  sumSquares: number
}

/** Mean and its confidence interval. */
export interface MeanEstimate {
  n: number
  mean: number | null
  sd: number | null
  lower: number | null
  upper: number | null
}

/** Adds the moments of two disjoint samples. */
export function addMoments(a: Moments, b: Moments): Moments {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares }
}

export const EMPTY_MOMENTS: Moments = { n: 0, sum: 0, sumSquares: 0 }

/** Computes the mean with a `level` (default 0.95) Student-t interval. */
export function meanWithCi(m: Moments, level = 0.95): MeanEstimate {
  if (!(level > 0 && level < 1)) throw new RangeError('level must be between 0 and 1')
  if (m.n <= 0) return { n: 0, mean: null, sd: null, lower: null, upper: null }
  const mean = m.sum / m.n
  if (m.n < 2) return { n: m.n, mean, sd: null, lower: null, upper: null }
  // Rounding can make a zero variance slightly negative; clamp it.
  const variance = Math.max(0, (m.sumSquares - (m.sum * m.sum) / m.n) / (m.n - 1))
  const sd = Math.sqrt(variance)
  const half = tQuantile(1 - (1 - level) / 2, m.n - 1) * (sd / Math.sqrt(m.n))
  return { n: m.n, mean, sd, lower: mean - half, upper: mean + half }
}

/** Moments of a list of numbers (used by tests and small in-memory groups). */
export function momentsOf(values: readonly number[]): Moments {
  let sum = 0
  let sumSquares = 0
  for (const v of values) {
    sum += v
    sumSquares += v * v
  }
  return { n: values.length, sum, sumSquares }
}
