/**
 * Use case: the nightly backstop of address deletion (job invitations.forget-addresses). Every status
 * change that ends an invitation (completed, bounced, opted out) already nulls the address in the same
 * statement, and a database CHECK refuses an address on any status but planned, sent, reminded and
 * started. What is left is time: an invitation whose expiry has passed becomes `expired` here and loses
 * its address, whether it was still planned (never sent) or sent and not completed.
 */
import { type Kysely, sql } from 'kysely'
import { eventRow } from '../../platform/db/audit.ts'
import type { Database } from '../database.ts'

/** Invitations one transaction expires at most. */
export const FORGET_BATCH_SIZE = 500

/** Marks invitations past their expiry `expired` and nulls their address; returns how many. */
export async function forgetExpiredAddresses(
  db: Kysely<Database>,
  now: Date,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const size = options.batchSize ?? FORGET_BATCH_SIZE
  let total = 0
  for (;;) {
    options.signal?.throwIfAborted()
    const n = await db.transaction().execute(async (trx) => {
      // Served by invitation_address_idx. Rows a delivery is sending right now are skipped until tomorrow.
      const { rows } = await sql<{ organisation_id: string; id: string; status: string }>`
        UPDATE invitation SET status = 'expired', address = NULL, remind_at = NULL, updated_at = ${now}
         WHERE (organisation_id, id) IN (
           SELECT organisation_id, id FROM invitation
            WHERE address IS NOT NULL AND expires_at <= ${now}
              AND status IN ('planned', 'sent', 'reminded', 'started')
            ORDER BY expires_at
            LIMIT ${size}
              FOR UPDATE SKIP LOCKED)
        RETURNING organisation_id, id, status`.execute(trx)
      if (rows.length)
        await trx
          .insertInto('event')
          .values(
            rows.map((r) =>
              eventRow(
                { organisationId: r.organisation_id, actor: { type: 'system' } },
                { type: 'invitation.expired', subjectType: 'invitation', subjectId: r.id, data: {} },
              ),
            ),
          )
          .execute()
      return rows.length
    })
    total += n
    if (n < size) return total
  }
}
