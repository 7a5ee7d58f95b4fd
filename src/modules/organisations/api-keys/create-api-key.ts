/**
 * Makes an API key for an organisation and audits it (event api_key.created, without the secret). The
 * token is returned once, to be shown to the administrator; only the hash of its secret is stored.
 */
import type { Kysely } from 'kysely'
import { addDays, atLocalTime } from '../../../platform/calendar/index.ts'
import { recordEvent, type WriteContext } from '../../../platform/db/audit.ts'
import { newId } from '../../../platform/db/ids.ts'
import type { ApiKeyInput } from './calc/form.ts'
import type { ApiKeyTables } from './schema.ts'
import { formatToken, hashSecret, newSecret } from './token.ts'

/** The made key: its id, the one-time token and when it stops working (null: until revoked). */
export interface CreatedApiKey {
  id: string
  token: string
  expiresAt: Date | null
}

/** Creates the key; `ctx.actor` is the administrator (an account), who is stored as its maker. */
export async function createApiKey(
  db: Kysely<ApiKeyTables>,
  ctx: WriteContext & { actor: { type: 'account'; id: string } },
  input: ApiKeyInput,
): Promise<CreatedApiKey> {
  const id = newId()
  const secret = newSecret()
  // "Works until and including the last day": it stops at the following midnight, Amsterdam time.
  const expiresAt = input.lastDay ? atLocalTime(addDays(input.lastDay, 1), '00:00') : null
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_key')
      .values({
        organisation_id: ctx.organisationId,
        id,
        name: input.name,
        scopes: input.scopes,
        secret_hash: hashSecret(secret),
        created_by: ctx.actor.id,
        expires_at: expiresAt,
      })
      .execute()
    await recordEvent(trx, ctx, {
      type: 'api_key.created',
      subjectType: 'api_key',
      subjectId: id,
      data: { name: input.name, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    })
  })
  return { id, token: formatToken(id, secret), expiresAt }
}
