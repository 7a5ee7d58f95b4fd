/**
 * Use cases that add local elements to the organisation's draft (goal, driver, stelling), and the
 * helpers every draft edit shares (change-statement-wording.ts, add-core-driver.ts). Published versions
 * are never touched: edits only find the draft (start one with createDraft first).
 */
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { ConflictError, invalidParamsFromZod, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { AGREEMENT_SCALE } from './kern-template.ts'
import { findModelId } from './store.ts'

type Db = Kysely<Database>

const text = (max: number, message: string) =>
  z.string({ error: message }).trim().min(2, message).max(max, `Gebruik hoogstens ${max} tekens.`)
const optionalText = z
  .string()
  .trim()
  .max(500, 'Gebruik hoogstens 500 tekens.')
  .optional()
  .transform((v) => v || null)
const uuid = (message: string) => z.string({ error: message }).uuid(message)

export const goalInput = z.object({
  name: text(120, 'Vul de naam van het doel in (minstens 2 tekens).'),
  description: optionalText,
})
export const driverInput = z.object({
  kpiId: uuid('Kies de uitkomst die deze drijfveer verklaart.'),
  name: text(120, 'Vul de naam van de drijfveer in (minstens 2 tekens).'),
  description: optionalText,
})
export const statementInput = z.object({
  driverId: uuid('Kies de drijfveer waar de stelling bij hoort.'),
  text: text(300, 'Vul de tekst van de stelling in (minstens 2 tekens).'),
})
export const wordingInput = z.object({
  statementId: uuid('Kies een stelling.'),
  text: text(300, 'Vul de tekst van de stelling in (minstens 2 tekens).'),
})
export const coreBlockInput = z.object({
  blockId: z.string({ error: 'Kies een bouwblok.' }).regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'Kies een bouwblok.'),
})

/** Parses use-case input; every invalid field at once as a ValidationError. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input)
  if (!r.success) throw new ValidationError(invalidParamsFromZod(r.error.issues))
  return r.data
}

/** Lower-case ASCII code from a Dutch name, prefixed `lokaal_` so it never clashes with a core code. */
export function localCode(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32)
    .replace(/_+$/g, '')
  return `lokaal_${slug || 'item'}`
}

/** `wanted`, or `wanted_2`, `_3`… when the code is taken in this version. */
export async function uniqueCode(
  trx: Db,
  table: 'measurement_model_goal' | 'measurement_model_driver' | 'measurement_model_statement',
  organisationId: string,
  modelId: string,
  wanted: string,
) {
  const taken = new Set(
    (
      await trx
        .selectFrom(table)
        .select('code')
        .where('organisation_id', '=', organisationId)
        .where('model_id', '=', modelId)
        .execute()
    ).map((r) => r.code),
  )
  let code = wanted
  for (let n = 2; taken.has(code); n++) code = `${wanted}_${n}`
  return code
}

/** The position after the last element (under `parent`, if given) in this version. */
export async function nextPosition(
  trx: Db,
  table: 'measurement_model_goal' | 'measurement_model_driver' | 'measurement_model_statement',
  where: { organisation_id: string; model_id: string },
  parent?: ['kpi_id' | 'driver_id', string],
) {
  let q = trx
    .selectFrom(table as 'measurement_model_goal')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('organisation_id', '=', where.organisation_id)
    .where('model_id', '=', where.model_id)
  if (parent) q = q.where(parent[0] as 'id', '=', parent[1])
  const r = await q.executeTakeFirst()
  return r?.p === null || r?.p === undefined ? 0 : Number(r.p) + 1
}

/** Runs `change` on the draft inside one transaction with its events; 409 when there is no draft. */
export async function inDraft<T>(
  db: Kysely<Database>,
  ctx: WriteContext,
  change: (
    trx: Db,
    draft: { id: string; version: number },
  ) => Promise<{ result: T; events: { type: string; data: object }[] }>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const draft = await findModelId(trx, ctx.organisationId, 'draft')
    if (!draft) throw new ConflictError('There is no draft of the measurement model. Start editing first.')
    const { result, events } = await change(trx, draft)
    for (const e of events) {
      await recordEvent(trx, ctx, {
        type: `measurement_model.${e.type}`,
        subjectType: 'measurement_model',
        subjectId: draft.id,
        data: { version: draft.version, ...e.data },
      })
    }
    return result
  })
}

/** Adds a local goal to the roof. */
export async function addGoal(db: Kysely<Database>, ctx: WriteContext, input: unknown) {
  const v = parse(goalInput, input)
  return inDraft(db, ctx, async (trx, draft) => {
    const where = { organisation_id: ctx.organisationId, model_id: draft.id }
    const id = newId()
    const code = await uniqueCode(
      trx,
      'measurement_model_goal',
      ctx.organisationId,
      draft.id,
      localCode(v.name),
    )
    await trx
      .insertInto('measurement_model_goal')
      .values({
        ...where,
        id,
        position: await nextPosition(trx, 'measurement_model_goal', where),
        code,
        name_nl: v.name,
        description_nl: v.description,
        origin: 'local',
        core_block_id: null,
        core_block_version: null,
      })
      .execute()
    return { result: { id, code }, events: [{ type: 'goal-added', data: { code, name: v.name } }] }
  })
}

/** Adds a local driver (pillar) under a KPI of the draft. */
export async function addDriver(db: Kysely<Database>, ctx: WriteContext, input: unknown) {
  const v = parse(driverInput, input)
  return inDraft(db, ctx, async (trx, draft) => {
    const where = { organisation_id: ctx.organisationId, model_id: draft.id }
    const kpi = await trx
      .selectFrom('measurement_model_kpi')
      .select('id')
      .where('organisation_id', '=', ctx.organisationId)
      .where('model_id', '=', draft.id)
      .where('id', '=', v.kpiId)
      .executeTakeFirst()
    if (!kpi) throw new ValidationError([{ name: 'kpiId', reason: 'Kies een uitkomst uit dit meetmodel.' }])
    const id = newId()
    const code = await uniqueCode(
      trx,
      'measurement_model_driver',
      ctx.organisationId,
      draft.id,
      localCode(v.name),
    )
    await trx
      .insertInto('measurement_model_driver')
      .values({
        ...where,
        id,
        kpi_id: kpi.id,
        position: await nextPosition(trx, 'measurement_model_driver', where, ['kpi_id', kpi.id]),
        code,
        name_nl: v.name,
        description_nl: v.description,
        origin: 'local',
        core_block_id: null,
        core_block_version: null,
      })
      .execute()
    return { result: { id, code }, events: [{ type: 'driver-added', data: { code, name: v.name } }] }
  })
}

/** Adds a local stelling (agreement scale of kern) to a driver of the draft. */
export async function addStatement(db: Kysely<Database>, ctx: WriteContext, input: unknown) {
  const v = parse(statementInput, input)
  return inDraft(db, ctx, async (trx, draft) => {
    const where = { organisation_id: ctx.organisationId, model_id: draft.id }
    const driver = await trx
      .selectFrom('measurement_model_driver')
      .select(['id', 'code'])
      .where('organisation_id', '=', ctx.organisationId)
      .where('model_id', '=', draft.id)
      .where('id', '=', v.driverId)
      .executeTakeFirst()
    if (!driver)
      throw new ValidationError([{ name: 'driverId', reason: 'Kies een drijfveer uit dit meetmodel.' }])
    const id = newId()
    const code = await uniqueCode(
      trx,
      'measurement_model_statement',
      ctx.organisationId,
      draft.id,
      localCode(v.text),
    )
    await trx
      .insertInto('measurement_model_statement')
      .values({
        ...where,
        id,
        driver_id: driver.id,
        position: await nextPosition(trx, 'measurement_model_statement', where, ['driver_id', driver.id]),
        code,
        text_nl: v.text,
        help_nl: null,
        scale_id: AGREEMENT_SCALE.id,
        scale_version: AGREEMENT_SCALE.version,
        origin: 'local',
        core_block_id: null,
        core_block_version: null,
        core_question_code: null,
      })
      .execute()
    return {
      result: { id, code },
      events: [{ type: 'statement-added', data: { code, driver: driver.code, text: v.text } }],
    }
  })
}
