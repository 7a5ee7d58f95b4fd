/**
 * Use case: revoke a kiosk. From then on its device token opens only a page that says the kiosk is off,
 * and answers still queued on the tablet are refused (410). Revoking twice changes nothing.
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { NotFoundError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'

/** Revokes kiosk `id` of the organisation; NotFoundError when it has no such kiosk. */
export async function revokeKiosk(db: Kysely<Database>, ctx: WriteContext, id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError()
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('kiosk')
      .select(['revoked_at'])
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw new NotFoundError()
    if (row.revoked_at) return
    await trx
      .updateTable('kiosk')
      .set({ revoked_at: new Date() })
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', '=', id)
      .execute()
    await recordEvent(trx, ctx, { type: 'kiosk.revoked', subjectType: 'kiosk', subjectId: id })
  })
}
