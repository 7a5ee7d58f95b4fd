/**
 * Doorlooptijd (lead time) of a zaak, its buckets, and the summary shown beside the rapportcijfer.
 *
 * Rules (docs/process-data.md):
 * - doorlooptijd counts calendar days in Europe/Amsterdam: the end date minus the start date. A zaak
 *   started and finished on the same day has 0 days; from Monday 23:50 to Tuesday 00:10 is 1 day.
 *   Weekends and public holidays count (it is the time the person waits, not working days).
 * - buckets: 0–1, 2–7, 8–28 and 29 or more days (same day or next day; within a week; within four weeks;
 *   longer). A zaak without an end (still open) has no doorlooptijd and is in no bucket.
 * - the median of a bucket is taken over responses (a zaak with two responses counts twice, as both
 *   responses stand beside the rapportcijfer); with an even number it is the mean of the two middle values.
 * - the mean rapportcijfer and its 95% interval come from meanWithCi (Student-t, analytics).
 */
import { type Moments, meanWithCi } from '../../analytics/index.ts'
import { amsterdamDate } from './dates.ts'

/** A lead-time bucket: `min`–`max` days inclusive; `max` null means no upper bound. */
export interface LeadTimeBucket {
  key: string
  label: string
  min: number
  max: number | null
}

export const LEAD_TIME_BUCKETS: readonly LeadTimeBucket[] = [
  { key: '0-1', label: '0–1 dagen', min: 0, max: 1 },
  { key: '2-7', label: '2–7 dagen', min: 2, max: 7 },
  { key: '8-28', label: '8–28 dagen', min: 8, max: 28 },
  { key: '29+', label: '29 dagen of meer', min: 29, max: null },
]

const DAY_MS = 86_400_000

/** Doorlooptijd in calendar days (Amsterdam) from start to end. */
export function leadTimeDays(start: Date, end: Date): number {
  return Math.round(
    (Date.parse(`${amsterdamDate(end)}T00:00:00Z`) - Date.parse(`${amsterdamDate(start)}T00:00:00Z`)) /
      DAY_MS,
  )
}

/** The bucket a number of days falls in; negative days (end before start) fall in none. */
export function bucketOf(days: number): LeadTimeBucket | null {
  return LEAD_TIME_BUCKETS.find((b) => days >= b.min && (b.max === null || days <= b.max)) ?? null
}

/** Median of values given as (value, count) pairs; null when the counts add up to zero. */
export function medianFromCounts(pairs: readonly { value: number; count: number }[]): number | null {
  const sorted = pairs.filter((p) => p.count > 0).sort((a, b) => a.value - b.value)
  const n = sorted.reduce((s, p) => s + p.count, 0)
  if (n === 0) return null
  // 1-based positions of the middle value(s).
  const lowPos = Math.floor((n + 1) / 2)
  const highPos = Math.floor(n / 2) + 1
  let low: number | null = null
  let high: number | null = null
  let seen = 0
  for (const p of sorted) {
    seen += p.count
    if (low === null && seen >= lowPos) low = p.value
    if (high === null && seen >= highPos) {
      high = p.value
      break
    }
  }
  return ((low ?? 0) + (high ?? 0)) / 2
}

/** Responses whose zaak took `days` days, with the moments of their rapportcijfers. */
export interface LeadTimeGroup {
  days: number
  responses: number
  grade: Moments
}

/** Mean with its confidence interval, as analytics computes it. */
export type MeanEstimate = ReturnType<typeof meanWithCi>

/** One bucket of the summary. */
export interface LeadTimeRow {
  key: string
  label: string
  responses: number
  grade: MeanEstimate
  medianDays: number | null
}

/** Summarises responses grouped by doorlooptijd into the buckets (every bucket present, in order). */
export function summariseLeadTime(groups: readonly LeadTimeGroup[]): LeadTimeRow[] {
  return LEAD_TIME_BUCKETS.map((bucket) => {
    const inBucket = groups.filter((g) => bucketOf(g.days) === bucket)
    const moments = inBucket.reduce(
      (m, g) => ({
        n: m.n + g.grade.n,
        sum: m.sum + g.grade.sum,
        sumSquares: m.sumSquares + g.grade.sumSquares,
      }),
      { n: 0, sum: 0, sumSquares: 0 },
    )
    return {
      key: bucket.key,
      label: bucket.label,
      responses: inBucket.reduce((s, g) => s + g.responses, 0),
      grade: meanWithCi(moments),
      medianDays: medianFromCounts(inBucket.map((g) => ({ value: g.days, count: g.responses }))),
    }
  })
}
