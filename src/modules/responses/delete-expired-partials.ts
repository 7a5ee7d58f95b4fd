/**
 * Use case: delete partial responses nobody came back to (AVG storage limitation). A survey of several
 * screens stores every screen as it is answered (partial-response.ts); when the person never sends the
 * last screen, those answers would otherwise stay forever. Analytics never counts them, so once the
 * resume link has had its chance they serve no purpose.
 *
 * Rules:
 * - only `status = 'partial'` rows whose last saved screen (`updated_at`, else the start) is older than
 *   `olderThanDays` days on the database clock; complete responses are never touched;
 * - answers and consents go with the response (ON DELETE CASCADE); a signal that points at the response
 *   stays (a klacht has its own handling and retention) but loses the link;
 * - each deleted response appends `response.deleted` (reason `partial-expired`, actor system) in the
 *   same transaction; earlier events of the response hold no answers and stay as the audit trail;
 * - batches of `batchSize`, each its own transaction, so a large backlog never holds long locks. Rows a
 *   request has locked right now (a person saving a screen) are skipped: that save makes them recent.
 */
import { type Kysely, sql } from 'kysely'
import { eventRow } from '../../platform/db/audit.ts'
import type { Database } from '../database.ts'

/** How many partial responses one transaction deletes at most. */
export const EXPIRY_BATCH_SIZE = 500

interface Expired {
  organisation_id: string
  id: string
  survey_id: string
  survey_version: number
}

/**
 * Deletes partial responses whose last activity is more than `olderThanDays` days ago, with everything
 * that hangs on them; returns how many were deleted. Stops between batches when `signal` is aborted.
 */
export async function deleteExpiredPartialResponses(
  db: Kysely<Database>,
  olderThanDays: number,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? EXPIRY_BATCH_SIZE
  let deleted = 0
  for (;;) {
    options.signal?.throwIfAborted()
    const n = await db.transaction().execute((trx) => deleteBatch(trx, olderThanDays, batchSize))
    deleted += n
    if (n < batchSize) return deleted
  }
}

async function deleteBatch(trx: Kysely<Database>, olderThanDays: number, batchSize: number) {
  // Served by response_partial_expiry_idx (migration 20261123060000_index_partial_response_expiry.sql).
  const { rows } = await sql<Expired>`
    SELECT organisation_id, id, survey_id, survey_version FROM response
     WHERE status = 'partial'
       AND coalesce(updated_at, submitted_at) < now() - ${olderThanDays}::integer * interval '1 day'
     ORDER BY coalesce(updated_at, submitted_at)
     LIMIT ${batchSize}
       FOR UPDATE SKIP LOCKED`.execute(trx)
  const byOrganisation = new Map<string, Expired[]>()
  for (const r of rows)
    byOrganisation.set(r.organisation_id, [...(byOrganisation.get(r.organisation_id) ?? []), r])
  for (const [organisationId, expired] of byOrganisation) {
    const ids = expired.map((r) => r.id)
    // The foreign key from signal has no cascade on purpose: a signal outlives the response it came with.
    // Read first: RETURNING would show the new value (null), not which response a signal pointed at.
    const linked = await trx
      .selectFrom('signal')
      .select('response_id')
      .where('organisation_id', '=', organisationId)
      .where('response_id', 'in', ids)
      .execute()
    if (linked.length)
      await trx
        .updateTable('signal')
        .set({ response_id: null })
        .where('organisation_id', '=', organisationId)
        .where('response_id', 'in', ids)
        .execute()
    await trx
      .deleteFrom('response')
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', ids)
      .where('status', '=', 'partial')
      .execute()
    const ctx = { organisationId, actor: { type: 'system' as const } }
    await trx
      .insertInto('event')
      .values(
        expired.map((r) =>
          eventRow(ctx, {
            type: 'response.deleted',
            subjectType: 'response',
            subjectId: r.id,
            data: {
              reason: 'partial-expired',
              retentionDays: olderThanDays,
              surveyId: r.survey_id,
              version: r.survey_version,
              signalsUnlinked: linked.filter((l) => l.response_id === r.id).length,
            },
          }),
        ),
      )
      .execute()
  }
  return rows.length
}
