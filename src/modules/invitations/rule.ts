/** Loads the invitation rule that applies to a contact moment: the product's rule, else the survey's. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../database.ts'
import type { DeliveryRule } from './calc/plan.ts'
import type { InvitationChannel } from './schema.ts'

/** A rule as the use cases need it. */
export interface InvitationRule {
  id: string
  delivery: DeliveryRule
  samplePercent: number
  suppressionDays: number
  channel: InvitationChannel
}

/** The rule of (survey, product), falling back to the survey's rule without product; null when none. */
export async function findRule(
  db: Kysely<Database> | Transaction<Database>,
  organisationId: string,
  surveyId: string,
  productId: string | null,
): Promise<InvitationRule | null> {
  const rows = await db
    .selectFrom('invitation_rule')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('survey_id', '=', surveyId)
    .where((eb) =>
      productId
        ? eb.or([eb('product_id', 'is', null), eb('product_id', '=', productId)])
        : eb('product_id', 'is', null),
    )
    .execute()
  const r = rows.find((x) => x.product_id !== null) ?? rows[0]
  if (!r) return null
  return {
    id: r.id,
    delivery: {
      delay:
        r.delay_kind === 'next_working_day'
          ? { kind: 'next_working_day', at: r.delay_at ?? '10:00' }
          : { kind: 'minutes', minutes: r.delay_minutes ?? 0 },
      quietHours: r.quiet_from && r.quiet_to ? { from: r.quiet_from, to: r.quiet_to } : null,
      reminderAfterDays: r.reminder_after_days,
      expiryDays: r.expiry_days,
    },
    samplePercent: r.sample_percent,
    suppressionDays: r.suppression_days,
    channel: r.channel,
  }
}
