/** Tables of the kiosk capability (migrations/20261123103000_create_kiosk.sql). */
import type { Generated } from 'kysely'

export interface KioskTables {
  kiosk: {
    organisation_id: string
    id: string
    survey_id: string
    channel_id: string
    /** The touchpoint (plek), stored on every response of the kiosk. */
    place: string
    reset_seconds: Generated<number>
    /** Hex SHA-256 of the device token; the token itself is never stored. */
    token_hash: string
    created_at: Generated<Date>
    created_by: string | null
    revoked_at: Date | null
    last_seen_at: Date | null
  }
}
