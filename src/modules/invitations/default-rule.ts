/**
 * The invitation rule every organisation's standard survey starts with: invite by e-mail on the next
 * working day at 10:00 (never between 21:00 and 08:00), everyone (100%), at most once per person per 90
 * days across all surveys, one reminder after 7 days, the link works 14 days.
 */
import type { Kysely, Transaction } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import type { Database } from '../database.ts'

export const DEFAULT_RULE = {
  delay_kind: 'next_working_day',
  delay_at: '10:00',
  delay_minutes: null,
  quiet_from: '21:00',
  quiet_to: '08:00',
  sample_percent: 100,
  suppression_days: 90,
  reminder_after_days: 7,
  expiry_days: 14,
  channel: 'email',
} as const

/** Gives a survey the default rule unless it has a rule without product; inside the caller's transaction. */
export async function seedDefaultRule(
  db: Kysely<Database> | Transaction<Database>,
  ctx: WriteContext,
  surveyId: string,
): Promise<void> {
  const id = newId()
  const inserted = await db
    .insertInto('invitation_rule')
    .values({ organisation_id: ctx.organisationId, id, survey_id: surveyId, ...DEFAULT_RULE })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'survey_id']).where('product_id', 'is', null).doNothing(),
    )
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
    await recordEvent(db, ctx, {
      type: 'invitation-rule.created',
      subjectType: 'invitation_rule',
      subjectId: id,
      data: { surveyId, ...DEFAULT_RULE },
    })
}
