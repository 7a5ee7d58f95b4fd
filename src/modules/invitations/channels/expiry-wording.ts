/** How the expiry of a link is written in a message: the Amsterdam date, and a time unless it is midnight. */
const TIME_ZONE = 'Europe/Amsterdam'

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

export function expiryWording(expiresAt: Date, language: 'nl' | 'en'): ExpiryWording {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(expiresAt)
  const untilInclusive = time === '00:00'
  // One millisecond before midnight is still the previous day in Amsterdam, whatever the DST offset.
  const day = untilInclusive ? new Date(expiresAt.getTime() - 1) : expiresAt
  const date = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(day)
  return { date: date.replace(',', ''), time, untilInclusive }
}
