/**
 * Local dates and wall-clock times in an IANA time zone, with the time-zone data of `Intl` (no library).
 *
 * DST rule (the "compatible" disambiguation of ECMAScript Temporal and RFC 5545):
 * - a local time that does not exist, because clocks jump forward (Amsterdam, last Sunday of March,
 *   02:00 → 03:00), moves forward by the length of the gap: 02:30 becomes 03:30 summer time;
 * - a local time that occurs twice, because clocks go back (last Sunday of October, 03:00 → 02:00),
 *   takes the first, earlier occurrence: 02:30 is 02:30 summer time (00:30 UTC), not winter time.
 */

export const TIME_ZONE = 'Europe/Amsterdam'

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const DAY_MS = 86_400_000
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The wall-clock fields of an instant in a zone, packed as if they were a UTC time (ms dropped). */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
}

/** Offset of the zone from UTC at an instant, in milliseconds (Amsterdam: +1 h winter, +2 h summer). */
export function utcOffsetAt(instant: Date, timeZone: string = TIME_ZONE): number {
  const whole = Math.floor(instant.getTime() / 1000) * 1000
  return wallClockAsUtc(whole, timeZone) - whole
}

function checkInstant(instant: Date): number {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('invalid date')
  return ms
}

/** The local calendar date (`YYYY-MM-DD`) of an instant. */
export function localDateOf(instant: Date, timeZone: string = TIME_ZONE): string {
  const ms = checkInstant(instant)
  return new Date(ms + utcOffsetAt(instant, timeZone)).toISOString().slice(0, 10)
}

/** The local wall-clock time (`HH:MM`, 24-hour, seconds dropped) of an instant. */
export function localTimeOf(instant: Date, timeZone: string = TIME_ZONE): string {
  const ms = checkInstant(instant)
  return new Date(ms + utcOffsetAt(instant, timeZone)).toISOString().slice(11, 16)
}

/** Minutes since local midnight of an `HH:MM` text; throws a RangeError for anything else. */
export function minutesOfTime(time: string): number {
  const m = LOCAL_TIME.exec(time)
  if (!m) throw new RangeError(`not a time (HH:MM): ${time}`)
  return Number(m[1]) * 60 + Number(m[2])
}

/** The instant of a local date and wall-clock time (gaps and overlaps: see the module comment). */
export function atLocalTime(localDate: string, time: string, timeZone: string = TIME_ZONE): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate)
  if (!day) throw new RangeError(`not a date (YYYY-MM-DD): ${localDate}`)
  const naive = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) + minutesOfTime(time) * 60_000
  if (new Date(naive).toISOString().slice(0, 10) !== localDate)
    throw new RangeError(`not a real date: ${localDate}`)
  // Every offset this wall-clock time can have is in force a day before or a day after it.
  const before = utcOffsetAt(new Date(naive - DAY_MS), timeZone)
  const after = utcOffsetAt(new Date(naive + DAY_MS), timeZone)
  const matches = [...new Set([before, after])]
    .map((offset) => naive - offset)
    .filter((t) => utcOffsetAt(new Date(t), timeZone) === naive - t)
    .sort((a, b) => a - b)
  // No match: the time is in the gap of a jump forward; the offset before the gap moves it on.
  return new Date(matches[0] ?? naive - before)
}

/**
 * The instant `days` calendar days later at the same local wall-clock time (seconds kept), so that
 * "in 3 days" stays 10:00 across a clock change instead of becoming 09:00 or 11:00.
 */
export function addLocalDays(instant: Date, days: number, timeZone: string = TIME_ZONE): Date {
  const ms = checkInstant(instant)
  const date = new Date(Date.parse(`${localDateOf(instant, timeZone)}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10)
  const withinMinute = ms - Math.floor(ms / 60_000) * 60_000
  return new Date(atLocalTime(date, localTimeOf(instant, timeZone), timeZone).getTime() + withinMinute)
}
