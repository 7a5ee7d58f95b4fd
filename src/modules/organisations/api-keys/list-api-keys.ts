/** The keys of an organisation for the staff page, newest first, revoked ones included (with the date). */
import type { Kysely } from 'kysely'
import type { OrganisationTables } from '../schema.ts'
import type { ApiKeyTables } from './schema.ts'

/** One key as the list shows it: never the hash. */
export interface ApiKeyListItem {
  id: string
  name: string
  scopes: string[]
  createdBy: string
  createdAt: Date
  expiresAt: Date | null
  lastUsedAt: Date | null
  revokedAt: Date | null
}

/** Lists the organisation's keys, or only key `keyId`. */
export async function listApiKeys(
  db: Kysely<ApiKeyTables & OrganisationTables>,
  organisationId: string,
  keyId?: string,
): Promise<ApiKeyListItem[]> {
  let query = db
    .selectFrom('api_key as k')
    .innerJoin('account as a', 'a.id', 'k.created_by')
    .select([
      'k.id',
      'k.name',
      'k.scopes',
      'a.display_name',
      'k.created_at',
      'k.expires_at',
      'k.last_used_at',
      'k.revoked_at',
    ])
    .where('k.organisation_id', '=', organisationId)
  if (keyId) query = query.where('k.id', '=', keyId)
  const rows = await query.orderBy('k.created_at', 'desc').orderBy('k.id', 'desc').execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    createdBy: r.display_name,
    createdAt: new Date(r.created_at),
    expiresAt: r.expires_at ? new Date(r.expires_at) : null,
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
  }))
}

/** One key of the organisation (for the revoke page), or undefined. */
export async function findApiKey(
  db: Kysely<ApiKeyTables & OrganisationTables>,
  organisationId: string,
  keyId: string,
): Promise<ApiKeyListItem | undefined> {
  return (await listApiKeys(db, organisationId, keyId))[0]
}
