/**
 * Reading and changing invitation rules: a survey's rule (without product) and rules for one product of
 * that survey, which win over the survey's rule for contact moments of that product (rule.ts). A product
 * rule can be removed again; the survey's rule then applies. A change applies to contact moments recorded after it: invitations already planned
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

/** A product rule of a survey, for the overview. */
export interface ProductRule {
  productId: string
  productCode: string
  productName: string
  rule: RuleValues
}

/** Every survey of the organisation with its rule (null when it has none) and its product rules. */
export async function listSurveyRules(
  db: Kysely<Database>,
  organisationId: string,
): Promise<{ surveyId: string; title: string; rule: RuleValues | null; productRules: ProductRule[] }[]> {
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
  const products = await db
    .selectFrom('invitation_rule as r')
    .innerJoin('product as p', (j) =>
      j.onRef('p.organisation_id', '=', 'r.organisation_id').onRef('p.id', '=', 'r.product_id'),
    )
    .select([
      'r.survey_id',
      'p.id as productId',
      'p.code',
      'p.name',
      ...COLUMNS.map((c) => `r.${c}` as const),
    ])
    .where('r.organisation_id', '=', organisationId)
    .orderBy('p.name')
    .execute()
  return rows.map((r) => ({
    surveyId: r.id,
    title: r.title,
    rule: r.ruleId ? pick(r) : null,
    productRules: products
      .filter((p) => p.survey_id === r.id)
      .map((p) => ({ productId: p.productId, productCode: p.code, productName: p.name, rule: pick(p) })),
  }))
}

function pick(row: Record<(typeof COLUMNS)[number], unknown>): RuleValues {
  return Object.fromEntries(COLUMNS.map((c) => [c, row[c]])) as unknown as RuleValues
}

/** One survey of the organisation with its rule; null when the survey is not the organisation's. */
export async function loadSurveyRule(db: Kysely<Database>, organisationId: string, surveyId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(surveyId)) return null
  return (await listSurveyRules(db, organisationId)).find((s) => s.surveyId === surveyId) ?? null
}

/** The organisation's products, for choosing one to give its own rule. */
export async function listProducts(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('product')
    .select(['id', 'code', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute()
}

/**
 * Stores the rule of the survey, or of one product of the survey when `productId` is given (creates it
 * when there was none) and records the change.
 */
export async function updateSurveyRule(
  db: Kysely<Database>,
  ctx: WriteContext,
  surveyId: string,
  values: RuleValues,
  productId: string | null = null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('invitation_rule')
      .select(['id', ...COLUMNS])
      .where('organisation_id', '=', ctx.organisationId)
      .where('survey_id', '=', surveyId)
      .where((eb) => (productId ? eb('product_id', '=', productId) : eb('product_id', 'is', null)))
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
        .values({
          organisation_id: ctx.organisationId,
          id,
          survey_id: surveyId,
          product_id: productId,
          ...values,
        })
        .execute()
    const { id: _, ...old } = before ?? { id: null }
    await recordEvent(trx, ctx, {
      type: before ? 'invitation-rule.changed' : 'invitation-rule.created',
      subjectType: 'invitation_rule',
      subjectId: id,
      data: { surveyId, productId, ...(before ? { before: old } : {}), after: values },
    })
  })
}

/** Removes the rule of one product of the survey (the survey's rule applies again); false when there was none. */
export async function deleteProductRule(
  db: Kysely<Database>,
  ctx: WriteContext,
  surveyId: string,
  productId: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Invitations name the rule they were planned by only for information; their times are stored.
    await trx
      .updateTable('invitation')
      .set({ rule_id: null })
      .where('organisation_id', '=', ctx.organisationId)
      .where('rule_id', 'in', (eb) =>
        eb
          .selectFrom('invitation_rule')
          .select('id')
          .where('organisation_id', '=', ctx.organisationId)
          .where('survey_id', '=', surveyId)
          .where('product_id', '=', productId),
      )
      .execute()
    const gone = await trx
      .deleteFrom('invitation_rule')
      .where('organisation_id', '=', ctx.organisationId)
      .where('survey_id', '=', surveyId)
      .where('product_id', '=', productId)
      .returning('id')
      .executeTakeFirst()
    if (!gone) return false
    await recordEvent(trx, ctx, {
      type: 'invitation-rule.deleted',
      subjectType: 'invitation_rule',
      subjectId: gone.id,
      data: { surveyId, productId },
    })
    return true
  })
}
