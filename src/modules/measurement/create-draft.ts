/**
 * Use case: start editing the organisation's measurement model. Editing always happens in a draft:
 * - with a draft already there, that draft is returned (one draft per organisation);
 * - with a published version n, the draft is a copy of it numbered n + 1;
 * - with no model yet, the draft is version 1 made from the newest 'kern' template.
 */
import type { Kysely, Transaction } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { NotFoundError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import type { MeasurementModel, ModelQuestion } from './model.ts'
import { getDraftModel, loadModel, loadTemplate, type StoredTemplate } from './store.ts'

type Trx = Transaction<Database>

/** The tree to insert: a model without ids (ids are made new for every version). */
type Tree = Pick<MeasurementModel, 'goals' | 'processIndicators'>

/** Builds the default house of a template: every bouwblok with `in_default`, hung under its parent. */
export function treeFromTemplate(template: StoredTemplate): Tree {
  const inDefault = template.blocks.filter((b) => b.inDefault)
  const core = (b: { id: string; version: number }) => ({ blockId: b.id, blockVersion: b.version })
  const questions = (b: StoredTemplate['blocks'][number]): ModelQuestion[] =>
    b.questions.map((q) => ({
      id: '',
      code: q.code,
      text: q.text_nl,
      help: q.help_nl,
      scale: { id: q.scale_id, version: q.scale_version },
      origin: 'core',
      core: { blockId: b.id, blockVersion: b.version, questionCode: q.code },
      comparabilityKey: '',
    }))
  const element = (b: StoredTemplate['blocks'][number]) => ({
    id: '',
    code: b.code,
    name: b.name_nl,
    description: b.description_nl,
    origin: 'core' as const,
    core: core(b),
  })
  return {
    goals: inDefault
      .filter((g) => g.kind === 'goal')
      .map((g) => ({
        ...element(g),
        kpis: inDefault
          .filter((k) => k.kind === 'kpi' && k.parentBlockId === g.id)
          .flatMap((k) => {
            const [question] = questions(k)
            if (!question) return []
            return [
              {
                ...element(k),
                question,
                drivers: inDefault
                  .filter((d) => d.kind === 'driver' && d.parentBlockId === k.id)
                  .map((d) => ({ ...element(d), statements: questions(d) })),
              },
            ]
          }),
      })),
    processIndicators: inDefault
      .filter((p) => p.kind === 'process' && p.unit)
      .map((p) => ({ ...element(p), unit: p.unit ?? 'count', dataSource: p.data_source })),
  }
}

function coreColumns(core: { blockId: string; blockVersion: number } | null) {
  return { core_block_id: core?.blockId ?? null, core_block_version: core?.blockVersion ?? null }
}

function questionColumns(q: ModelQuestion) {
  return {
    code: q.code,
    text_nl: q.text,
    help_nl: q.help,
    scale_id: q.scale.id,
    scale_version: q.scale.version,
    origin: q.origin,
    core_block_id: q.core?.blockId ?? null,
    core_block_version: q.core?.blockVersion ?? null,
    core_question_code: q.core?.questionCode ?? null,
  }
}

/** Inserts a tree under a model version with fresh ids, keeping order and origins. */
export async function insertTree(trx: Trx, organisationId: string, modelId: string, tree: Tree) {
  const base = { organisation_id: organisationId, model_id: modelId }
  for (const [gi, g] of tree.goals.entries()) {
    const goalId = newId()
    await trx
      .insertInto('measurement_model_goal')
      .values({
        ...base,
        id: goalId,
        position: gi,
        code: g.code,
        name_nl: g.name,
        description_nl: g.description,
        origin: g.origin,
        ...coreColumns(g.core),
      })
      .execute()
    for (const [ki, k] of g.kpis.entries()) {
      const kpiId = newId()
      await trx
        .insertInto('measurement_model_kpi')
        .values({
          ...base,
          ...questionColumns(k.question),
          id: kpiId,
          goal_id: goalId,
          position: ki,
          code: k.code,
          name_nl: k.name,
          description_nl: k.description,
          origin: k.origin,
          ...coreColumns(k.core),
          core_question_code: k.question.core?.questionCode ?? null,
        })
        .execute()
      for (const [di, d] of k.drivers.entries()) {
        const driverId = newId()
        await trx
          .insertInto('measurement_model_driver')
          .values({
            ...base,
            id: driverId,
            kpi_id: kpiId,
            position: di,
            code: d.code,
            name_nl: d.name,
            description_nl: d.description,
            origin: d.origin,
            ...coreColumns(d.core),
          })
          .execute()
        if (d.statements.length) {
          await trx
            .insertInto('measurement_model_statement')
            .values(
              d.statements.map((s, si) => ({
                ...base,
                ...questionColumns(s),
                id: newId(),
                driver_id: driverId,
                position: si,
              })),
            )
            .execute()
        }
      }
    }
  }
  if (tree.processIndicators.length) {
    await trx
      .insertInto('measurement_model_process_indicator')
      .values(
        tree.processIndicators.map((p, pi) => ({
          ...base,
          id: newId(),
          position: pi,
          code: p.code,
          name_nl: p.name,
          description_nl: p.description,
          unit: p.unit,
          data_source: p.dataSource,
          origin: p.origin,
          ...coreColumns(p.core),
        })),
      )
      .execute()
  }
}

/** Returns the organisation's draft, creating it from the current version or from kern (see above). */
export async function createDraft(db: Kysely<Database>, ctx: WriteContext): Promise<MeasurementModel> {
  const mdb = db
  const existing = await getDraftModel(mdb, ctx.organisationId)
  if (existing) return existing
  let id: string
  try {
    id = await mdb.transaction().execute(async (trx) => {
      const newest = await trx
        .selectFrom('measurement_model')
        .selectAll()
        .where('organisation_id', '=', ctx.organisationId)
        .orderBy('version', 'desc')
        .executeTakeFirst()
      const modelId = newId()
      let tree: Tree
      let template: { id: string; version: number }
      if (newest) {
        const current = await loadModel(trx, ctx.organisationId, newest.id)
        if (!current) throw new NotFoundError()
        tree = current
        template = current.template
      } else {
        const kern = await loadTemplate(trx, 'kern')
        if (!kern) throw new NotFoundError('The kern template is missing; run the migrations.')
        tree = treeFromTemplate(kern)
        template = { id: kern.id, version: kern.version }
      }
      const version = (newest?.version ?? 0) + 1
      await trx
        .insertInto('measurement_model')
        .values({
          organisation_id: ctx.organisationId,
          id: modelId,
          version,
          status: 'draft',
          name: newest?.name ?? 'Meethuis',
          template_id: template.id,
          template_version: template.version,
          based_on_id: newest?.id ?? null,
          published_at: null,
        })
        .execute()
      await insertTree(trx, ctx.organisationId, modelId, tree)
      await recordEvent(trx, ctx, {
        type: 'measurement_model.draft-created',
        subjectType: 'measurement_model',
        subjectId: modelId,
        data: {
          version,
          basedOn: newest ? newest.version : null,
          template: `${template.id}@${template.version}`,
        },
      })
      return modelId
    })
  } catch (error) {
    // Two requests raced to create the draft: the unique index let one win; return that one.
    if ((error as { code?: string }).code === '23505') {
      const winner = await getDraftModel(mdb, ctx.organisationId)
      if (winner) return winner
    }
    throw error
  }
  const model = await loadModel(mdb, ctx.organisationId, id)
  if (!model) throw new NotFoundError()
  return model
}
