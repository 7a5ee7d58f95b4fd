import {
  addDays,
  atLocalTime,
  localDateOf,
  localTimeOf,
  minutesOfTime,
  utcOffsetAt,
} from '../../../platform/calendar/index.ts'

/**
 * Quiet hours: a local window in which no invitation or reminder is sent. The window runs from `from`
 * (inclusive) to `to` (exclusive) and wraps midnight when `from` is later than `to` (21:00–08:00).
 * A window with `from` equal to `to` is empty. Times are compared per minute in Europe/Amsterdam.
 */
export interface QuietHours {
  from: string
  to: string
}

/** Whether an instant falls inside the quiet hours. */
export function isQuiet(instant: Date, quiet: QuietHours): boolean {
  const from = minutesOfTime(quiet.from)
  const to = minutesOfTime(quiet.to)
  const now = minutesOfTime(localTimeOf(instant))
  if (from === to) return false
  return from < to ? now >= from && now < to : now >= from || now < to
}

/**
 * The instant itself when outside quiet hours, otherwise the end of the quiet hours it falls in. Always
 * at or after the instant. Clock changes: in the repeated autumn hour the end is taken in the same
 * occurrence as the instant; when the end falls in the spring gap it moves forward by the gap, and if that
 * lands inside the next window (a window with less than an hour outside it) the next end is taken.
 */
export function outOfQuietHours(instant: Date, quiet: QuietHours | null): Date {
  let at = instant
  for (let round = 0; quiet && round < 3 && isQuiet(at, quiet); round++) at = endOfWindow(at, quiet)
  return at
}

function endOfWindow(instant: Date, quiet: QuietHours): Date {
  const date = localDateOf(instant)
  const wrapsAndBeforeMidnight =
    minutesOfTime(quiet.from) > minutesOfTime(quiet.to) &&
    minutesOfTime(localTimeOf(instant)) >= minutesOfTime(quiet.from)
  let end = atLocalTime(wrapsAndBeforeMidnight ? addDays(date, 1) : date, quiet.to)
  // atLocalTime gives the first of a repeated time; inside the second occurrence the end is the later one.
  if (end.getTime() <= instant.getTime())
    end = new Date(end.getTime() + utcOffsetAt(end) - utcOffsetAt(instant))
  return end.getTime() > instant.getTime() ? end : new Date(instant.getTime() + 60_000)
}
