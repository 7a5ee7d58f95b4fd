/** Tables of the invitation settings (migration 20261123101000_create_invitation_mail_sender.sql). */
import type { Generated } from 'kysely'

export interface InvitationSettingsTables {
  invitation_mail_sender: {
    organisation_id: string
    /** Display name in From; null: the organisation's name. */
    sender_name: string | null
    /** Reply-To address (the organisation's, not a person's); null: none. */
    reply_to: string | null
    updated_at: Generated<Date>
  }
}
