/**
 * When a kiosk answer counts as given. A queued answer carries the tablet's clock time of the tap; the
 * response records THAT time, not when the answer arrived, so an hour offline does not move answers in
 * the figures. The tablet's clock is not trusted blindly:
 *
 * - not more than `SKEW_MS` (5 minutes) in the future: a clock far ahead is broken;
 * - not before the kiosk existed (minus the same skew): a tablet whose clock reset to a factory date
 *   would otherwise file answers years back;
 * - not older than `MAX_AGE_MS` (30 days): the queue on the tablet is meant for network outages, not for
 *   answers that surface weeks later into periods that were already reported.
 *
 * Pure: the clock and the kiosk's creation time are arguments.
 */

export const SKEW_MS = 5 * 60_000
export const MAX_AGE_MS = 30 * 24 * 3_600_000

/** Why an answered-at time is refused, in English for the API, or null when it is acceptable. */
export function answeredAtProblem(answeredAt: Date, now: Date, kioskCreatedAt: Date): string | null {
  const t = answeredAt.getTime()
  if (Number.isNaN(t)) return 'must be a date-time'
  if (t > now.getTime() + SKEW_MS)
    return 'lies more than 5 minutes in the future (check the clock of the tablet)'
  if (t < kioskCreatedAt.getTime() - SKEW_MS)
    return 'lies before the kiosk was made (check the clock of the tablet)'
  if (t < now.getTime() - MAX_AGE_MS) return 'is more than 30 days old'
  return null
}
