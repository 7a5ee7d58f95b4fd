/**
 * The invitation decision for a batch of contact moments, in input order, against the state the
 * database had before the batch. Pure: no I/O (record-contact-moment.ts loads the state and stores
 * the outcome).
 *
 * For each row, the first that applies wins (decision 0010, docs/invitations.md "Rules"):
 * 1. `not_sampled` — the row is outside the rule's sample (decided by the caller: it needs the key);
 * 2. `duplicate` — the same survey and case reference already has an invited invitation;
 * 3. `opted_out` — the person hash opted out;
 * 4. `suppressed` — the person hash has an invited invitation with send time after
 *    `sendAt − suppressionDays` (strictly after, as the single-row query `send_at > since`);
 * 5. otherwise `planned`.
 * A planned row becomes part of the state for the rows after it (its case is invited, its person has
 * an invitation at `sendAt`), so a batch decides exactly as recording its rows one at a time would.
 * Only a planned row changes the state: every other decision stores no send time and is not invited.
 */
import type { InvitationStatus } from '../schema.ts'

/** What the decision of one row needs to know about it. */
export interface DecisionRow {
  sampled: boolean
  /** Survey and case reference together (dedupe per case), or null without a case reference. */
  caseKey: string | null
  personHash: string
  sendAt: Date
  suppressionDays: number
}

/** The database's state before the batch, for the rows' cases and persons only. */
export interface DecisionState {
  /** Case keys that already have an invited invitation. */
  invitedCases: ReadonlySet<string>
  optedOut: ReadonlySet<string>
  /** Per person hash: the latest send time (ms) of an invited invitation. */
  latestSendAt: ReadonlyMap<string, number>
}

const DAY_MS = 86_400_000

/** The decisions of `rows` in order; `state` is not changed. */
export function decideBatch(rows: readonly DecisionRow[], state: DecisionState): InvitationStatus[] {
  const invitedCases = new Set(state.invitedCases)
  const latestSendAt = new Map(state.latestSendAt)
  return rows.map((row) => {
    const status = decideOne(row, invitedCases, state.optedOut, latestSendAt)
    if (status === 'planned') {
      if (row.caseKey !== null) invitedCases.add(row.caseKey)
      const at = row.sendAt.getTime()
      if (at > (latestSendAt.get(row.personHash) ?? Number.NEGATIVE_INFINITY))
        latestSendAt.set(row.personHash, at)
    }
    return status
  })
}

function decideOne(
  row: DecisionRow,
  invitedCases: ReadonlySet<string>,
  optedOut: ReadonlySet<string>,
  latestSendAt: ReadonlyMap<string, number>,
): InvitationStatus {
  if (!row.sampled) return 'not_sampled'
  if (row.caseKey !== null && invitedCases.has(row.caseKey)) return 'duplicate'
  if (optedOut.has(row.personHash)) return 'opted_out'
  if (row.suppressionDays > 0) {
    // The latest send time is after the window's start exactly when any send time is.
    const since = row.sendAt.getTime() - row.suppressionDays * DAY_MS
    const latest = latestSendAt.get(row.personHash)
    if (latest !== undefined && latest > since) return 'suppressed'
  }
  return 'planned'
}
