/**
 * Response rate of invitations, in the spirit of AAPOR's Standard Definitions (2023): invitations that
 * could not be delivered (bounced) are not eligible, so they leave the denominator; everything that
 * was delivered counts, answered or not.
 *
 *   delivered     = sent − bounced
 *   response rate = completed ÷ delivered
 *   start rate    = started ÷ delivered   (opened the link, finished or not)
 *
 * A rate is null when nothing was delivered: 0 ÷ 0 is not 0 %.
 */

/** Counts of one group of invitations. */
export interface InvitationCounts {
  /** Invitations that went out (a first mail or SMS was sent). */
  sent: number
  bounced: number
  /** Opened the link (includes completed). */
  started: number
  completed: number
}

/** Delivered count and the two rates (0–1), or null rates without deliveries. */
export function invitationRates(c: InvitationCounts) {
  for (const [name, v] of Object.entries(c))
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0`)
  if (c.bounced > c.sent || c.started > c.sent || c.completed > c.started)
    throw new RangeError('counts must satisfy bounced ≤ sent, completed ≤ started ≤ sent')
  const delivered = c.sent - c.bounced
  return {
    delivered,
    responseRate: delivered > 0 ? c.completed / delivered : null,
    startRate: delivered > 0 ? c.started / delivered : null,
  }
}
