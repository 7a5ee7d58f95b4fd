import { dateOf } from './local-date.ts'

/**
 * Easter Sunday of a Gregorian year, by the "anonymous Gregorian algorithm" (published in Nature in
 * 1876, known as the Meeus/Jones/Butcher algorithm; Meeus, *Astronomical Algorithms*, 2nd ed., ch. 8).
 * It is exact for every Gregorian year, including the Western churches' rules for the Paschal full moon.
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`not a Gregorian year: ${year}`)
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return dateOf(year, month, day)
}
