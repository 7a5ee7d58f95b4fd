/**
 * Use case: send the invitations and reminders whose time has come (job invitations.deliver-due).
 * Decision 0017 (docs/decisions/0017-invitation-delivery-pipeline.md) explains the design.
 *
 * Claim → send → record, batch after batch, never holding a transaction while talking to a server:
 * 1. claim (delivery/claim.ts): one short statement takes a batch of due rows with FOR UPDATE SKIP
 *    LOCKED and stamps them with a claim id and a lease (claimed_until). Any number of workers share
 *    the work; a row under a running lease is not due.
 * 2. send (delivery/send.ts): outside any transaction, at most `parallelSends` messages of a batch in
 *    flight, over the mailer the caller gives (the process's one pooled SMTP transport).
 * 3. record (delivery/record.ts): one short transaction per batch updates every row of the batch and
 *    appends the audit events.
 * Up to `lanes` batches run at once, so one batch is claimed or recorded while another is sending.
 * Only one batch per lane is in memory: due invitations are streamed, never loaded all at once.
 *
 * At least once: a worker that dies between send and record leaves its batch claimed; when the lease
 * runs out those invitations are sent again, each with a new link (the first mail's link then does not
 * work, as only the newest token's hash is kept). At most one batch per lane is sent twice.
 * A batch that runs out of lease time (a very slow mail server) releases the rows it has not tried yet.
 *
 * Rules per outcome (delivery/outcome.ts): sent / reminded; permanent failure → bounced and the address
 * forgotten; temporary failure → retry after 5, 10, 20, 40 minutes, bounced after MAX_DELIVERY_ATTEMPTS.
 * Expired invitations are not sent; invitations.forget-addresses marks them.
 */
import type { Kysely } from 'kysely'
import { newId } from '../../platform/db/ids.ts'
import type { Database } from '../database.ts'
import { type ClaimedInvitation, claimDue } from './delivery/claim.ts'
import { mapLimited } from './delivery/concurrency.ts'
import { cachedMailRenderer } from './delivery/mail-cache.ts'
import { deliveryResult } from './delivery/outcome.ts'
import { type BatchOutcome, recordOutcomes } from './delivery/record.ts'
import { type SendDeps, sendInvitation } from './delivery/send.ts'

export { MAX_DELIVERY_ATTEMPTS } from './delivery/outcome.ts'

/** Invitations one claim takes at most. */
export const DELIVERY_BATCH_SIZE = 200
/** Sends in flight at once within a batch (the SMTP pool has 5 connections by default). */
export const PARALLEL_SENDS = 10
/** Batches in flight at once. */
export const DELIVERY_LANES = 2
/**
 * How long a claim holds. Sending a batch normally takes well under a second; the lease only matters
 * when a worker dies. A batch stops starting sends after half the lease, so a slow server cannot make
 * a live worker's lease run out under it.
 */
export const DELIVERY_LEASE_MS = 10 * 60_000

/** What delivery needs: channels, the invitation key, the public URL and the clock. */
export interface DeliveryDeps extends SendDeps {
  db: Kysely<Database>
  now: Date
  batchSize?: number
  parallelSends?: number
  lanes?: number
  leaseMs?: number
  signal?: AbortSignal
  /** Called after each recorded batch (progress of long runs such as the benchmark). */
  onBatch?: (report: DeliveryReport) => void
}

/** Counts of one run. */
export interface DeliveryReport {
  sent: number
  reminded: number
  bounced: number
  retrying: number
}

/** Sends everything that is due at `now`, batch by batch, until nothing is left. */
export async function deliverDueInvitations(deps: DeliveryDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, reminded: 0, bounced: 0, retrying: 0 }
  const size = deps.batchSize ?? DELIVERY_BATCH_SIZE
  // One renderer per run: each distinct mail is rendered once (delivery/mail-cache.ts).
  const run = { ...deps, renderer: deps.renderer ?? cachedMailRenderer() }
  const lane = async () => {
    for (;;) {
      deps.signal?.throwIfAborted()
      const { claimed, complete } = await deliverBatch(run, size, report)
      if (claimed < size || !complete) return
    }
  }
  await Promise.all(Array.from({ length: deps.lanes ?? DELIVERY_LANES }, lane))
  return report
}

/** One claim → send → record round; `complete` is false when the batch stopped early. */
async function deliverBatch(deps: DeliveryDeps, size: number, report: DeliveryReport) {
  const claimId = newId()
  const leaseMs = deps.leaseMs ?? DELIVERY_LEASE_MS
  const claim = { claimId, now: deps.now, leaseMs }
  const planned = await claimDue(deps.db, { ...claim, limit: size, reminders: false })
  const reminders = await claimDue(deps.db, { ...claim, limit: size - planned.length, reminders: true })
  const claimed: ClaimedInvitation[] = [...planned, ...reminders]
  const started = performance.now()
  let complete = true
  const outcomes = await mapLimited(
    claimed,
    deps.parallelSends ?? PARALLEL_SENDS,
    async (due): Promise<BatchOutcome> => {
      // Past half the lease, or stopping: leave the rest to the next run instead of racing the lease.
      if (deps.signal?.aborted || performance.now() - started > leaseMs / 2) {
        complete = false
        return { due, result: deliveryResult(null, due.attempts, '', deps.now) }
      }
      const sent = await sendInvitation(deps, due)
      return { due, result: deliveryResult(sent.outcome, due.attempts, sent.tokenHash, deps.now) }
    },
  )
  const counts = await recordOutcomes(deps.db, claimId, deps.now, outcomes)
  report.sent += counts.sent
  report.reminded += counts.reminded
  report.bounced += counts.bounced
  report.retrying += counts.retrying
  if (claimed.length > 0) deps.onBatch?.(report)
  return { claimed: claimed.length, complete }
}
