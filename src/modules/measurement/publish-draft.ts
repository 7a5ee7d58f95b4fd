/**
 * Use case: publish the organisation's draft. The draft keeps its number (the newest published
 * version + 1, fixed when the draft was made) and from now on is immutable: the use cases refuse to
 * change it and a database trigger refuses it too. Every driver needs at least one stelling, because
 * a pillar that is not measured cannot be analysed.
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { allDrivers, allKpis, type MeasurementModel } from './model.ts'
import { findModelId, loadModel } from './store.ts'

/** Publishes the draft and returns the published version. */
export async function publishDraft(db: Kysely<Database>, ctx: WriteContext): Promise<MeasurementModel> {
  const mdb = db
  const id = await mdb.transaction().execute(async (trx) => {
    const ref = await findModelId(trx, ctx.organisationId, 'draft')
    if (!ref) throw new ConflictError('There is no draft of the measurement model to publish.')
    const draft = await loadModel(trx, ctx.organisationId, ref.id)
    if (!draft) throw new NotFoundError()
    const problems = [
      ...(draft.goals.length
        ? []
        : [{ name: 'goals', reason: 'Het meetmodel heeft minstens 1 doel nodig.' }]),
      ...(allKpis(draft).length
        ? []
        : [{ name: 'kpis', reason: 'Het meetmodel heeft minstens 1 uitkomst nodig.' }]),
      ...allDrivers(draft)
        .filter((d) => d.statements.length === 0)
        .map((d) => ({
          name: `driver-${d.id}`,
          reason: `De drijfveer “${d.name}” heeft nog geen stelling. Voeg een stelling toe.`,
        })),
    ]
    if (problems.length) throw new ValidationError(problems, 'The draft is not complete.')
    await trx
      .updateTable('measurement_model')
      .set({ status: 'published', published_at: new Date() })
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', '=', ref.id)
      .where('status', '=', 'draft')
      .execute()
    await recordEvent(trx, ctx, {
      type: 'measurement_model.published',
      subjectType: 'measurement_model',
      subjectId: ref.id,
      data: { version: ref.version },
    })
    return ref.id
  })
  const model = await loadModel(mdb, ctx.organisationId, id)
  if (!model) throw new NotFoundError()
  return model
}
