/**
 * Resolves a bearer token to its key. Unknown, malformed, revoked and expired tokens are all refused;
 * the reason is kept for the log and the WWW-Authenticate description, never the token. Marks the key
 * as used at most once a minute, so a busy client does not write a row on every request.
 */
import type { Kysely } from 'kysely'
import type { OrganisationTables } from '../schema.ts'
import type { ApiKeyIdentity } from './identity.ts'
import type { ApiKeyTables } from './schema.ts'
import { hashSecret, parseToken, secretMatches } from './token.ts'

export type ApiKeyCheck =
  | { ok: true; key: ApiKeyIdentity }
  | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'expired' }

const LAST_USED_RESOLUTION_MS = 60_000

/** Checks `token` (the part after `Bearer `) at time `now`. */
export async function authenticateApiKey(
  db: Kysely<ApiKeyTables & OrganisationTables>,
  token: string,
  now = new Date(),
): Promise<ApiKeyCheck> {
  const parsed = parseToken(token)
  if (!parsed) return { ok: false, reason: 'malformed' }
  const row = await db
    .selectFrom('api_key as k')
    .innerJoin('organisation as o', 'o.id', 'k.organisation_id')
    .select([
      'k.id',
      'k.organisation_id',
      'k.name',
      'k.scopes',
      'k.secret_hash',
      'k.expires_at',
      'k.last_used_at',
      'k.revoked_at',
      'o.slug',
      'o.name as organisation_name',
    ])
    .where('k.id', '=', parsed.keyId)
    .executeTakeFirst()
  if (!row) {
    // Hash anyway, so an unknown id costs about as long as a known one.
    hashSecret(parsed.secret)
    return { ok: false, reason: 'unknown' }
  }
  if (!secretMatches(parsed.secret, row.secret_hash)) return { ok: false, reason: 'unknown' }
  if (row.revoked_at) return { ok: false, reason: 'revoked' }
  if (row.expires_at && new Date(row.expires_at) <= now) return { ok: false, reason: 'expired' }
  const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : null
  if (lastUsed === null || now.getTime() - lastUsed >= LAST_USED_RESOLUTION_MS) {
    // The WHERE repeats the check, so of two simultaneous requests only one writes.
    await db
      .updateTable('api_key')
      .set({ last_used_at: now })
      .where('organisation_id', '=', row.organisation_id)
      .where('id', '=', row.id)
      .where((eb) =>
        eb.or([
          eb('last_used_at', 'is', null),
          eb('last_used_at', '<=', new Date(now.getTime() - LAST_USED_RESOLUTION_MS)),
        ]),
      )
      .execute()
  }
  return {
    ok: true,
    key: {
      id: row.id,
      name: row.name,
      scopes: row.scopes,
      organisationId: row.organisation_id,
      slug: row.slug,
      organisationName: row.organisation_name,
    },
  }
}
