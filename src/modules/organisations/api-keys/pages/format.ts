/** Dates on the API-key pages, in Amsterdam time. */

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'medium',
  timeStyle: 'short',
})

const date = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long' })

/** A moment, for example "23 nov 2026, 14:05". */
export function formatMoment(d: Date): string {
  return dateTime.format(d)
}

/**
 * The last day on which a key works: it stops at the midnight after that day, so the day shown is the
 * one of the moment just before `expiresAt`.
 */
export function formatLastDay(expiresAt: Date): string {
  return date.format(new Date(expiresAt.getTime() - 1))
}
