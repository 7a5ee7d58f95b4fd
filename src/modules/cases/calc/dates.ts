/**
 * Dates and times as case systems export them, read as instants (UTC).
 *
 * Accepted forms (surrounding spaces ignored):
 * - ISO 8601: `2026-03-01`, `2026-03-01T09:30`, `2026-03-01 09:30:15`, with optional fraction and an optional
 *   offset (`Z`, `+01:00`, `+0100`, `+01`). Without an offset the time is local time in Europe/Amsterdam.
 * - Dutch: `dd-mm-jjjj` or `dd-mm-jjjj hh:mm[:ss]`, day and month with one or two digits (Excel writes
 *   `1-3-2026 9:05`), always local time in Europe/Amsterdam.
 * A date without a time means the start of that day (00:00) in Amsterdam. Years 1900–2100 only, so
 * that typing errors such as 0226 are caught.
 *
 * Local times that do not exist (the hour skipped when summer time starts) move forward by the gap, and
 * local times that occur twice (the hour repeated when summer time ends) take the first, earlier
 * instant: the "compatible" rule of ECMAScript Temporal and of RFC 5545.
 */
import { TIME_ZONE, utcOffsetAt } from '../../../platform/calendar/index.ts'

/** A parsed date: the instant, whether the text had a time, and its calendar day in Amsterdam. */
export interface ParsedDate {
  at: Date
  dateOnly: boolean
  /** `YYYY-MM-DD` in Europe/Amsterdam. */
  localDate: string
}

export { TIME_ZONE }

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i
const DUTCH = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/** Parses a case date; null when the text is not one of the accepted forms or not a real date. */
export function parseCaseDate(text: string): ParsedDate | null {
  const s = text.trim()
  let y: number
  let mo: number
  let d: number
  let h = 0
  let mi = 0
  let sec = 0
  let ms = 0
  let offset: string | undefined
  let dateOnly: boolean
  const iso = ISO.exec(s)
  const dutch = iso ? null : DUTCH.exec(s)
  if (iso) {
    y = Number(iso[1])
    mo = Number(iso[2])
    d = Number(iso[3])
    dateOnly = iso[4] === undefined
    if (!dateOnly) {
      h = Number(iso[4])
      mi = Number(iso[5])
      sec = Number(iso[6] ?? 0)
      ms = Math.floor(Number(`0.${iso[7] ?? '0'}`) * 1000)
      offset = iso[8]
    }
  } else if (dutch) {
    d = Number(dutch[1])
    mo = Number(dutch[2])
    y = Number(dutch[3])
    dateOnly = dutch[4] === undefined
    if (!dateOnly) {
      h = Number(dutch[4])
      mi = Number(dutch[5])
      sec = Number(dutch[6] ?? 0)
    }
  } else return null
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null
  if (h > 23 || mi > 59 || sec > 59) return null
  let at: Date
  if (offset !== undefined) {
    const minutes = offsetMinutes(offset)
    if (minutes === null) return null
    at = new Date(Date.UTC(y, mo - 1, d, h, mi, sec, ms) - minutes * 60_000)
  } else {
    at = amsterdamToUtc(y, mo, d, h, mi, sec, ms)
  }
  return { at, dateOnly, localDate: amsterdamDate(at) }
}

function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate()
}

/** Minutes east of UTC; null beyond the offsets in use on Earth (−12:00 to +14:00). */
function offsetMinutes(offset: string): number | null {
  if (offset.toUpperCase() === 'Z') return 0
  const sign = offset.startsWith('-') ? -1 : 1
  const digits = offset.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2, 4) || 0)
  if (hours > 14 || minutes > 59) return null
  return sign * (hours * 60 + minutes)
}

const HOUR_MS = 3_600_000
/** Since 1977 the Netherlands change clocks at 01:00 UTC, so the offset is constant within a UTC hour. */
const CACHE_FROM = Date.UTC(1977, 0, 1)
const offsetCache = new Map<number, number>()

/** Offset of Amsterdam from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function amsterdamOffset(ms: number): number {
  // Intl is slow (microseconds per call); an import of many rows asks for the same hours again and again.
  const hour = Math.floor(ms / HOUR_MS)
  if (ms >= CACHE_FROM) {
    const known = offsetCache.get(hour)
    if (known !== undefined) return known
  }
  const offset = utcOffsetAt(new Date(ms), TIME_ZONE)
  if (ms >= CACHE_FROM) {
    if (offsetCache.size > 200_000) offsetCache.clear()
    offsetCache.set(hour, offset)
  }
  return offset
}

/** The instant of an Amsterdam wall-clock time (see the module comment for gaps and overlaps). */
export function amsterdamToUtc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date {
  const naive = Date.UTC(y, mo - 1, d, h, mi, s, ms)
  // The offsets in force a day either side bound every offset this wall-clock time can have.
  const before = amsterdamOffset(naive - 86_400_000)
  const after = amsterdamOffset(naive + 86_400_000)
  const matches = [...new Set([before, after])]
    .map((o) => naive - o)
    .filter((t) => amsterdamOffset(t) === naive - t)
    .sort((a, b) => a - b)
  // No match: the time falls in the gap when clocks go forward; the offset before the gap moves it on.
  return new Date(matches[0] ?? naive - before)
}

/** The calendar day (`YYYY-MM-DD`) of an instant in Amsterdam. */
export function amsterdamDate(at: Date): string {
  const ms = at.getTime()
  return new Date(ms + amsterdamOffset(ms)).toISOString().slice(0, 10)
}
