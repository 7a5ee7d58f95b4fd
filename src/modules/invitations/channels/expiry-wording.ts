/** How the expiry of a link is written in a message: the Amsterdam date, and a time unless it is midnight. */
const TIME_ZONE = 'Europe/Amsterdam'

// Built once per process: each Intl.DateTimeFormat holds ICU native memory that the garbage collector
// does not count, so creating two per mail grew the process by about 50 MB per 1,000 mails.
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
}
const DATE = {
  nl: new Intl.DateTimeFormat('nl-NL', DATE_OPTIONS),
  en: new Intl.DateTimeFormat('en-GB', DATE_OPTIONS),
}

export interface ExpiryWording {
  /** For example "donderdag 3 december 2026" or "Thursday 3 December 2026". */
  date: string
  /** HH:MM in Amsterdam. */
  time: string
  /**
   * True when the link ends at midnight: then `date` is the day before and the text says "tot en met"
   * (until and including), which people read more easily than "until 00:00".
   */
  untilInclusive: boolean
}

/** The wording of a link's expiry moment in `language` (see ExpiryWording). */
export function expiryWording(expiresAt: Date, language: 'nl' | 'en'): ExpiryWording {
  const time = TIME.format(expiresAt)
  const untilInclusive = time === '00:00'
  // One millisecond before midnight is still the previous day in Amsterdam, whatever the DST offset.
  const day = untilInclusive ? new Date(expiresAt.getTime() - 1) : expiresAt
  const date = (language === 'en' ? DATE.en : DATE.nl).format(day)
  return { date: date.replace(',', ''), time, untilInclusive }
}
