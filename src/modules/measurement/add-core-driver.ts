/** Use case: add an optional core driver of the model's template (for example kern.meedenken). */
import type { Kysely } from 'kysely'
import type { WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { coreBlockInput, inDraft, nextPosition, parse } from './edit-draft.ts'
import { loadTemplate } from './store.ts'

/** Adds an optional core driver of the model's template (for example kern.meedenken) under the core KPI. */
export async function addCoreDriver(db: Kysely<Database>, ctx: WriteContext, input: unknown) {
  const v = parse(coreBlockInput, input)
  return inDraft(db, ctx, async (trx, draft) => {
    const model = await trx
      .selectFrom('measurement_model')
      .select(['template_id', 'template_version'])
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow()
    const template = await loadTemplate(trx, model.template_id, model.template_version)
    const block = template?.blocks.find((b) => b.id === v.blockId && b.kind === 'driver')
    const kpi =
      block?.parentBlockId &&
      (await trx
        .selectFrom('measurement_model_kpi')
        .select('id')
        .where('organisation_id', '=', ctx.organisationId)
        .where('model_id', '=', draft.id)
        .where('core_block_id', '=', block.parentBlockId)
        .executeTakeFirst())
    if (!block || !kpi)
      throw new ValidationError([{ name: 'blockId', reason: 'Kies een bouwblok uit de kern.' }])
    const present = await trx
      .selectFrom('measurement_model_driver')
      .select('id')
      .where('organisation_id', '=', ctx.organisationId)
      .where('model_id', '=', draft.id)
      .where((eb) => eb.or([eb('core_block_id', '=', block.id), eb('code', '=', block.code)]))
      .executeTakeFirst()
    if (present)
      throw new ValidationError([{ name: 'blockId', reason: 'Dit bouwblok zit al in het meetmodel.' }])
    const where = { organisation_id: ctx.organisationId, model_id: draft.id }
    const id = newId()
    await trx
      .insertInto('measurement_model_driver')
      .values({
        ...where,
        id,
        kpi_id: kpi.id,
        position: await nextPosition(trx, 'measurement_model_driver', where, ['kpi_id', kpi.id]),
        code: block.code,
        name_nl: block.name_nl,
        description_nl: block.description_nl,
        origin: 'core',
        core_block_id: block.id,
        core_block_version: block.version,
      })
      .execute()
    if (block.questions.length) {
      await trx
        .insertInto('measurement_model_statement')
        .values(
          block.questions.map((q, position) => ({
            ...where,
            id: newId(),
            driver_id: id,
            position,
            code: q.code,
            text_nl: q.text_nl,
            help_nl: q.help_nl,
            scale_id: q.scale_id,
            scale_version: q.scale_version,
            origin: 'core' as const,
            core_block_id: block.id,
            core_block_version: block.version,
            core_question_code: q.code,
          })),
        )
        .execute()
    }
    return {
      result: { id, code: block.code },
      events: [{ type: 'block-added', data: { block: `${block.id}@${block.version}` } }],
    }
  })
}
