/** The table of API keys (migrations/20261123106000_create_api_key.sql). */
import type { Generated } from 'kysely'

export interface ApiKeyTables {
  api_key: {
    organisation_id: string
    id: string
    name: string
    scopes: string[]
    /** SHA-256 (hex) of the secret part of the token; the token itself is never stored. */
    secret_hash: string
    created_by: string
    created_at: Generated<Date>
    expires_at: Date | null
    last_used_at: Date | null
    revoked_at: Date | null
    revoked_by: string | null
  }
}
