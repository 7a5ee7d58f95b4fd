/** Tables of the invitations capability (migration 20261123070000_create_invitations.sql). */
import type { Generated } from 'kysely'

/** Every status of an invitation: the delivery states and the decisions against inviting. */
export type InvitationStatus =
  | 'planned'
  | 'sent'
  | 'reminded'
  | 'bounced'
  | 'started'
  | 'completed'
  | 'expired'
  | 'not_sampled'
  | 'duplicate'
  | 'suppressed'
  | 'opted_out'

export type InvitationChannel = 'email' | 'sms'

export interface InvitationTables {
  invitation_rule: {
    organisation_id: string
    id: string
    survey_id: string
    product_id: string | null
    delay_kind: 'next_working_day' | 'minutes'
    /** Local HH:MM for next_working_day. */
    delay_at: string | null
    delay_minutes: number | null
    quiet_from: string | null
    quiet_to: string | null
    sample_percent: Generated<number>
    suppression_days: Generated<number>
    reminder_after_days: number | null
    expiry_days: Generated<number>
    channel: Generated<InvitationChannel>
    created_at: Generated<Date>
    updated_at: Generated<Date>
  }
  contact_moment: {
    organisation_id: string
    id: string
    survey_id: string
    product_id: string | null
    channel_id: string | null
    /** Personal: links the moment to a person's file in the case system. */
    case_reference: string | null
    occurred_at: Date
    language: Generated<string>
    source: 'api' | 'csv' | 'notification'
    external_id: string | null
    received_at: Generated<Date>
  }
  invitation: {
    organisation_id: string
    id: string
    contact_moment_id: string
    survey_id: string
    rule_id: string | null
    status: InvitationStatus
    channel: InvitationChannel
    language: Generated<string>
    person_hash: string | null
    /** Personal: the e-mail address or phone number; null once it is not needed. */
    address: string | null
    send_at: Date | null
    sent_at: Date | null
    remind_at: Date | null
    reminded_at: Date | null
    expires_at: Date | null
    started_at: Date | null
    completed_at: Date | null
    token_hash: string | null
    response_id: string | null
    attempts: Generated<number>
    created_at: Generated<Date>
    updated_at: Generated<Date>
  }
  opt_out: {
    organisation_id: string
    person_hash: string
    opted_out_at: Generated<Date>
    method: 'link' | 'one_click' | 'mailto' | 'staff'
    invitation_id: string | null
  }
}
