/** Use cases: add and remove a zaaktype → survey mapping (with an optional product and channel). */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { type InvalidParam, NotFoundError, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { apiBaseUrl } from './save-link.ts'

/** The form as sent: ids from the select boxes, empty for "none". */
export interface MappingInput {
  zaaktypeUrl: string
  surveyId: string
  productId: string
  channelId: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function exists(
  db: Kysely<Database>,
  table: 'survey' | 'product' | 'channel',
  org: string,
  id: string,
) {
  if (!UUID.test(id)) return false
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', org)
    .where('id', '=', id)
    .executeTakeFirst()
  return Boolean(row)
}

/** Adds a mapping; throws ValidationError naming every bad field (form field names). */
export async function addMapping(
  db: Kysely<Database>,
  ctx: WriteContext,
  input: MappingInput,
): Promise<string> {
  const org = ctx.organisationId
  const errors: InvalidParam[] = []
  const zaaktypeUrl = apiBaseUrl(input.zaaktypeUrl)
  if (!zaaktypeUrl || zaaktypeUrl.length > 1000)
    errors.push({
      name: 'zaaktypeUrl',
      reason: 'Vul het adres (URL) van het zaaktype in de Catalogi API in.',
    })
  else {
    const taken = await db
      .selectFrom('common_ground_zaaktype')
      .select('id')
      .where('organisation_id', '=', org)
      .where('zaaktype_url', '=', zaaktypeUrl)
      .executeTakeFirst()
    if (taken)
      errors.push({ name: 'zaaktypeUrl', reason: 'Voor dit zaaktype is al een vragenlijst gekozen.' })
  }
  if (!(await exists(db, 'survey', org, input.surveyId)))
    errors.push({ name: 'surveyId', reason: 'Kies een vragenlijst.' })
  if (input.productId && !(await exists(db, 'product', org, input.productId)))
    errors.push({ name: 'productId', reason: 'Kies een product uit de lijst.' })
  if (input.channelId && !(await exists(db, 'channel', org, input.channelId)))
    errors.push({ name: 'channelId', reason: 'Kies een kanaal uit de lijst.' })
  if (errors.length || !zaaktypeUrl) throw new ValidationError(errors, 'Het zaaktype is niet goed ingevuld.')
  const id = newId()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('common_ground_zaaktype')
      .values({
        organisation_id: org,
        id,
        zaaktype_url: zaaktypeUrl,
        survey_id: input.surveyId,
        product_id: input.productId || null,
        channel_id: input.channelId || null,
      })
      .execute()
    await recordEvent(trx, ctx, {
      type: 'common-ground.zaaktype-mapped',
      subjectType: 'common_ground_zaaktype',
      subjectId: id,
      data: { zaaktypeUrl, surveyId: input.surveyId },
    })
  })
  return id
}

/** Removes a mapping of the organisation; NotFoundError when there is none with this id. */
export async function removeMapping(db: Kysely<Database>, ctx: WriteContext, id: string): Promise<void> {
  if (!UUID.test(id)) throw new NotFoundError()
  await db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('common_ground_zaaktype')
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', '=', id)
      .returning('zaaktype_url')
      .executeTakeFirst()
    if (!gone) throw new NotFoundError()
    await recordEvent(trx, ctx, {
      type: 'common-ground.zaaktype-unmapped',
      subjectType: 'common_ground_zaaktype',
      subjectId: id,
      data: { zaaktypeUrl: gone.zaaktype_url },
    })
  })
}
