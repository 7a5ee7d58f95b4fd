/** Revokes an API key at once and audits it (event api_key.revoked). Revoking twice changes nothing. */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../../platform/db/audit.ts'
import { NotFoundError } from '../../../platform/errors.ts'
import type { ApiKeyTables } from './schema.ts'

/** Revokes key `keyId` of the organisation in `ctx`; NotFoundError when it has no such key. */
export async function revokeApiKey(
  db: Kysely<ApiKeyTables>,
  ctx: WriteContext & { actor: { type: 'account'; id: string } },
  keyId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const key = await trx
      .selectFrom('api_key')
      .select(['id', 'revoked_at'])
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', '=', keyId)
      .forUpdate()
      .executeTakeFirst()
    if (!key) throw new NotFoundError('API key not found.')
    if (key.revoked_at) return
    await trx
      .updateTable('api_key')
      .set({ revoked_at: new Date(), revoked_by: ctx.actor.id })
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', '=', keyId)
      .execute()
    await recordEvent(trx, ctx, { type: 'api_key.revoked', subjectType: 'api_key', subjectId: keyId })
  })
}
