/**
 * What a send attempt means for the invitation: the pure rules of delivery, separate from the SQL
 * (record.ts) and the sending (send.ts).
 *
 * - Accepted: a first send becomes `sent`, a reminder `reminded` (a person who opened the link but did
 *   not finish stays `started`; record.ts applies that, as only the database knows the status now).
 * - Permanent failure (SMTP 5xx, an invalid number), or a temporary one on the last allowed try:
 *   `bounced`, and the address is forgotten at once.
 * - Temporary failure: try again after 5, 10, 20, 40 minutes (doubling per try).
 * - Not tried (the claim ran out of time, or the worker is stopping): the claim is released and nothing
 *   else changes, so the invitation is due again at once and no try is counted.
 */
import type { SendOutcome } from '../../../platform/mail/index.ts'

/** Tries before a temporary failure counts as a bounce. */
export const MAX_DELIVERY_ATTEMPTS = 5
/** Wait before the first retry; each later retry waits twice as long. */
export const FIRST_RETRY_MS = 5 * 60_000

/** How one claimed invitation ends this round. */
export type DeliveryResult =
  | { kind: 'delivered'; tokenHash: string; attempts: 0 }
  | { kind: 'bounced'; permanent: boolean; attempts: number }
  | { kind: 'retry'; attempts: number; retryAt: Date }
  | { kind: 'released' }

/**
 * The result of one send. `attempts` is the number of failed tries before this one; `outcome` null
 * means the send was not attempted.
 */
export function deliveryResult(
  outcome: SendOutcome | null,
  attempts: number,
  tokenHash: string,
  now: Date,
): DeliveryResult {
  if (outcome === null) return { kind: 'released' }
  if (outcome.ok) return { kind: 'delivered', tokenHash, attempts: 0 }
  const tries = attempts + 1
  if (outcome.permanent || tries >= MAX_DELIVERY_ATTEMPTS)
    return { kind: 'bounced', permanent: outcome.permanent, attempts: tries }
  return {
    kind: 'retry',
    attempts: tries,
    retryAt: new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (tries - 1)),
  }
}
