/** Tables of the Common Ground capability (migration 20261123100000_create_common_ground.sql). */
import type { Generated } from 'kysely'

/** Where a received notification stands. */
export type NotificationStatus = 'pending' | 'processed' | 'skipped' | 'failed'

export interface CommonGroundTables {
  common_ground_link: {
    organisation_id: string
    notificaties_url: string
    zaken_url: string
    client_id: string
    /** secret-box.ts: never shown back. */
    client_secret_sealed: string
    callback_token_hash: string | null
    pending_token_hash: string | null
    abonnement_url: string | null
    subscribed_at: Date | null
    updated_at: Generated<Date>
  }
  common_ground_zaaktype: {
    organisation_id: string
    id: string
    zaaktype_url: string
    survey_id: string
    product_id: string | null
    channel_id: string | null
    created_at: Generated<Date>
  }
  common_ground_notification: {
    organisation_id: string
    id: string
    dedupe_key: string
    kanaal: string
    resource: string
    actie: string
    resource_url: string
    hoofd_object: string
    aanmaakdatum: Date
    kenmerken: unknown
    received_at: Generated<Date>
    status: Generated<NotificationStatus>
    outcome: string | null
    attempts: Generated<number>
    next_attempt_at: Generated<Date>
    processed_at: Date | null
    contact_moment_id: string | null
  }
}
