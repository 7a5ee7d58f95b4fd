/**
 * When to try a notification again after a remote failure (the Zaken API down, a timeout, a 5xx or 429
 * reply). Fixed steps instead of random jitter: one installation calls one Zaken API a few times a
 * minute, so there is no herd to spread; fixed steps are easy to explain on the settings page.
 */

/** Minutes to wait after the n-th failed attempt (1-based); after the last step the notification fails. */
export const RETRY_MINUTES = [1, 5, 15, 60] as const

/** Attempts before a notification is marked failed. */
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1

/** The next attempt after `attempts` failed ones, or null when it is time to give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const minutes = RETRY_MINUTES[attempts - 1]
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000)
}
