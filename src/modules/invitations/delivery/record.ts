/**
 * Step 3 of delivery: record the outcomes of one claimed batch in one short transaction — one UPDATE
 * for every row of the batch (fed by arrays, whatever the mix of outcomes) and one INSERT of their
 * audit events.
 *
 * Only rows that still carry this batch's claim are touched, and an outcome is only applied while the
 * invitation is still running as claimed (planned, or sent/started for a reminder): a person who opted
 * out, or an invitation that completed or expired while its mail was on its way, keeps that newer
 * state. Every touched row loses its claim.
 */
import { type Kysely, sql } from 'kysely'
import { eventRow } from '../../../platform/db/audit.ts'
import type { Database } from '../../database.ts'
import type { ClaimedInvitation } from './claim.ts'
import type { DeliveryResult } from './outcome.ts'

/** One claimed row and how its send ended. */
export interface BatchOutcome {
  due: ClaimedInvitation
  result: DeliveryResult
}

/** What was recorded: per kind, the rows whose outcome was applied. */
export interface RecordedCounts {
  sent: number
  reminded: number
  bounced: number
  retrying: number
}

/** Records the outcomes of the batch `claimId` at time `now`; returns what was applied. */
export async function recordOutcomes(
  db: Kysely<Database>,
  claimId: string,
  now: Date,
  outcomes: readonly BatchOutcome[],
): Promise<RecordedCounts> {
  const counts: RecordedCounts = { sent: 0, reminded: 0, bounced: 0, retrying: 0 }
  if (outcomes.length === 0) return counts
  const byId = new Map(outcomes.map((o) => [o.due.id, o]))
  const col = <T>(f: (o: BatchOutcome) => T) => outcomes.map(f)
  return db.transaction().execute(async (trx) => {
    // `act` is what happens to the row: the outcome while the invitation still runs as claimed, else
    // 'none' (only the claim is cleared). Rows are found by primary key.
    const { rows } = await sql<{ organisation_id: string; id: string; act: string }>`
      UPDATE invitation i SET
        status = CASE x.act
                   WHEN 'delivered' THEN (CASE WHEN NOT x.reminder THEN 'sent'
                                               WHEN i.status = 'started' THEN 'started'
                                               ELSE 'reminded' END)
                   WHEN 'bounced' THEN 'bounced'
                   ELSE i.status END,
        sent_at = CASE WHEN x.act = 'delivered' AND NOT x.reminder THEN ${now} ELSE i.sent_at END,
        reminded_at = CASE WHEN x.act = 'delivered' AND x.reminder THEN ${now} ELSE i.reminded_at END,
        send_at = CASE WHEN x.act = 'retry' AND NOT x.reminder THEN x.retry_at ELSE i.send_at END,
        remind_at = CASE WHEN x.act = 'retry' AND x.reminder THEN x.retry_at
                         WHEN x.act = 'bounced' OR (x.act = 'delivered' AND x.reminder) THEN NULL
                         ELSE i.remind_at END,
        token_hash = CASE x.act WHEN 'delivered' THEN x.token_hash WHEN 'bounced' THEN NULL
                                ELSE i.token_hash END,
        address = CASE WHEN x.act = 'bounced' THEN NULL ELSE i.address END,
        attempts = CASE WHEN x.act = 'none' THEN i.attempts ELSE x.attempts END,
        updated_at = CASE WHEN x.act = 'none' THEN i.updated_at ELSE ${now} END,
        claim_id = NULL,
        claimed_until = NULL
      FROM (
        SELECT v.organisation_id, v.id, v.reminder, v.token_hash, v.attempts, v.retry_at,
               CASE WHEN v.kind = 'released' THEN 'none'
                    WHEN v.reminder AND j.status IN ('sent', 'started') THEN v.kind
                    WHEN NOT v.reminder AND j.status = 'planned' THEN v.kind
                    ELSE 'none' END AS act
          FROM unnest(${col((o) => o.due.organisation_id)}::uuid[], ${col((o) => o.due.id)}::uuid[],
                      ${col((o) => o.result.kind)}::text[], ${col((o) => o.due.reminder)}::boolean[],
                      ${col((o) => (o.result.kind === 'delivered' ? o.result.tokenHash : null))}::text[],
                      ${col((o) => ('attempts' in o.result ? o.result.attempts : 0))}::integer[],
                      ${col((o) => (o.result.kind === 'retry' ? o.result.retryAt : null))}::timestamptz[])
               AS v(organisation_id, id, kind, reminder, token_hash, attempts, retry_at)
          JOIN invitation j ON j.organisation_id = v.organisation_id AND j.id = v.id
      ) x
      WHERE i.organisation_id = x.organisation_id AND i.id = x.id AND i.claim_id = ${claimId}
      RETURNING i.organisation_id, i.id, x.act`.execute(trx)
    const events = []
    for (const row of rows) {
      const o = byId.get(row.id)
      if (!o || row.act === 'none') continue
      const ctx = { organisationId: row.organisation_id, actor: { type: 'system' as const } }
      const base = { subjectType: 'invitation', subjectId: row.id }
      const { due, result } = o
      if (result.kind === 'delivered') {
        if (due.reminder) counts.reminded += 1
        else counts.sent += 1
        events.push(
          eventRow(ctx, {
            ...base,
            type: due.reminder ? 'invitation.reminded' : 'invitation.sent',
            data: { channel: due.channel },
          }),
        )
      } else if (result.kind === 'bounced') {
        counts.bounced += 1
        // The reason is not stored: a mail server's reply may contain the address.
        events.push(
          eventRow(ctx, {
            ...base,
            type: 'invitation.bounced',
            data: {
              channel: due.channel,
              permanent: result.permanent,
              attempts: result.attempts,
              reminder: due.reminder,
            },
          }),
        )
      } else if (result.kind === 'retry') counts.retrying += 1
    }
    if (events.length) await trx.insertInto('event').values(events).execute()
    return counts
  })
}
