/**
 * Calendar dates written as `YYYY-MM-DD`, without a time or a time zone. Arithmetic runs on UTC
 * midnights, where every day is exactly 24 hours long, so no clock change can shift a date.
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** The UTC midnight of a local date; throws a RangeError for text that is not a real date. */
export function dateToUtcMidnight(localDate: string): number {
  const m = LOCAL_DATE.exec(localDate)
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${localDate}`)
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  // Date.UTC rolls 2026-02-30 over to 2026-03-02; a round trip catches that.
  if (utcMidnightToDate(ms) !== localDate) throw new RangeError(`not a real date: ${localDate}`)
  return ms
}

/** The `YYYY-MM-DD` of a UTC midnight (or of any instant, read in UTC). */
export function utcMidnightToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The date `days` days after (or, when negative, before) a local date. */
export function addDays(localDate: string, days: number): string {
  return utcMidnightToDate(dateToUtcMidnight(localDate) + days * DAY_MS)
}

/** Day of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
export function isoWeekday(localDate: string): number {
  const day = new Date(dateToUtcMidnight(localDate)).getUTCDay()
  return day === 0 ? 7 : day
}

/** A date from year, month (1–12) and day, as `YYYY-MM-DD`. */
export function dateOf(year: number, month: number, day: number): string {
  return utcMidnightToDate(Date.UTC(year, month - 1, day))
}
