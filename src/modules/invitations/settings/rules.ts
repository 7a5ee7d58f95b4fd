/**
 * Reading and changing a survey's invitation rule (the rule without product; product rules are not
 * edited here yet). A change applies to contact moments recorded after it: invitations already planned
 * keep their times, so a change never moves a mail someone was told about. Audited with the values
 * before and after.
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../../platform/db/audit.ts'
import { newId } from '../../../platform/db/ids.ts'
import type { Database } from '../../database.ts'
import type { RuleValues } from './rule-form.ts'

const COLUMNS = [
  'delay_kind',
  'delay_at',
  'delay_minutes',
  'quiet_from',
  'quiet_to',
  'sample_percent',
  'suppression_days',
  'reminder_after_days',
  'expiry_days',
  'channel',
] as const

/** Every survey of the organisation with its rule (null when it has none). */
export async function listSurveyRules(
  db: Kysely<Database>,
  organisationId: string,
): Promise<{ surveyId: string; title: string; rule: RuleValues | null }[]> {
  const rows = await db
    .selectFrom('survey as s')
    .leftJoin('invitation_rule as r', (j) =>
      j
        .onRef('r.organisation_id', '=', 's.organisation_id')
        .onRef('r.survey_id', '=', 's.id')
        .on('r.product_id', 'is', null),
    )
    .select(['s.id', 's.title', 'r.id as ruleId', ...COLUMNS.map((c) => `r.${c}` as const)])
    .where('s.organisation_id', '=', organisationId)
    .orderBy('s.created_at')
    .execute()
  return rows.map((r) => ({
    surveyId: r.id,
    title: r.title,
    rule: r.ruleId ? (Object.fromEntries(COLUMNS.map((c) => [c, r[c]])) as unknown as RuleValues) : null,
  }))
}

/** One survey of the organisation with its rule; null when the survey is not the organisation's. */
export async function loadSurveyRule(db: Kysely<Database>, organisationId: string, surveyId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(surveyId)) return null
  return (await listSurveyRules(db, organisationId)).find((s) => s.surveyId === surveyId) ?? null
}

/** Stores the survey's rule (creates it when the survey had none) and records the change. */
export async function updateSurveyRule(
  db: Kysely<Database>,
  ctx: WriteContext,
  surveyId: string,
  values: RuleValues,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('invitation_rule')
      .select(['id', ...COLUMNS])
      .where('organisation_id', '=', ctx.organisationId)
      .where('survey_id', '=', surveyId)
      .where('product_id', 'is', null)
      .forUpdate()
      .executeTakeFirst()
    const id = before?.id ?? newId()
    if (before)
      await trx
        .updateTable('invitation_rule')
        .set({ ...values, updated_at: new Date() })
        .where('organisation_id', '=', ctx.organisationId)
        .where('id', '=', id)
        .execute()
    else
      await trx
        .insertInto('invitation_rule')
        .values({ organisation_id: ctx.organisationId, id, survey_id: surveyId, ...values })
        .execute()
    const { id: _, ...old } = before ?? { id: null }
    await recordEvent(trx, ctx, {
      type: before ? 'invitation-rule.changed' : 'invitation-rule.created',
      subjectType: 'invitation_rule',
      subjectId: id,
      data: { surveyId, ...(before ? { before: old } : {}), after: values },
    })
  })
}
