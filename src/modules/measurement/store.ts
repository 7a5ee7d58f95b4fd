/**
 * Reads of the measurement capability: the kern template from the reference tables and one version of
 * an organisation's model as a tree. Every tenant query is scoped by organisation_id.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { comparabilityKey } from './calc/comparability.ts'
import type {
  MeasurementModel,
  ModelDriver,
  ModelGoal,
  ModelKpi,
  ModelProcessIndicator,
  ModelQuestion,
} from './model.ts'
import type { MeasurementTables, Origin } from './schema.ts'

type Db = Kysely<Database>

/** A template as stored: bouwblokken with their core questions, in template order. */
export interface StoredTemplate {
  id: string
  version: number
  name: string
  blocks: (MeasurementTables['measurement_block'] & {
    position: number
    parentBlockId: string | null
    inDefault: boolean
    questions: MeasurementTables['measurement_core_question'][]
  })[]
}

/** A version of a template (the newest when `version` is left out), or null. */
export async function loadTemplate(
  db: Db,
  templateId: string,
  version?: number,
): Promise<StoredTemplate | null> {
  let query = db.selectFrom('measurement_template').selectAll().where('id', '=', templateId)
  if (version !== undefined) query = query.where('version', '=', version)
  const t = await query.orderBy('version', 'desc').executeTakeFirst()
  if (!t) return null
  const blocks = await db
    .selectFrom('measurement_template_block as tb')
    .innerJoin('measurement_block as b', (j) =>
      j.onRef('b.id', '=', 'tb.block_id').onRef('b.version', '=', 'tb.block_version'),
    )
    .selectAll('b')
    .select(['tb.position', 'tb.parent_block_id', 'tb.in_default'])
    .where('tb.template_id', '=', t.id)
    .where('tb.template_version', '=', t.version)
    .orderBy('tb.position')
    .execute()
  const questions = blocks.length
    ? await db
        .selectFrom('measurement_core_question')
        .selectAll()
        .where(
          'block_id',
          'in',
          blocks.map((b) => b.id),
        )
        .orderBy('position')
        .execute()
    : []
  return {
    id: t.id,
    version: t.version,
    name: t.name_nl,
    blocks: blocks.map(({ parent_block_id, in_default, ...b }) => ({
      ...b,
      parentBlockId: parent_block_id,
      inDefault: in_default,
      questions: questions.filter((q) => q.block_id === b.id && q.block_version === b.version),
    })),
  }
}

function blockRef(r: { origin: Origin; core_block_id: string | null; core_block_version: number | null }) {
  return r.core_block_id && r.core_block_version
    ? { blockId: r.core_block_id, blockVersion: r.core_block_version }
    : null
}

function question(
  organisationId: string,
  r: {
    id: string
    code: string
    text_nl: string
    help_nl: string | null
    scale_id: string
    scale_version: number
    origin: Origin
    core_block_id: string | null
    core_block_version: number | null
    core_question_code: string | null
  },
): ModelQuestion {
  const scale = { id: r.scale_id, version: r.scale_version }
  const core =
    r.core_block_id && r.core_block_version && r.core_question_code
      ? { blockId: r.core_block_id, blockVersion: r.core_block_version, questionCode: r.core_question_code }
      : null
  return {
    id: r.id,
    code: r.code,
    text: r.text_nl,
    help: r.help_nl,
    scale,
    origin: r.origin,
    core,
    comparabilityKey:
      r.origin === 'core' && core
        ? comparabilityKey({ origin: 'core', core, scale })
        : comparabilityKey({ origin: 'local', organisationId, code: r.code, text: r.text_nl, scale }),
  }
}

/** Loads one version of a model as a tree, or null when it is not this organisation's. */
export async function loadModel(
  db: Db,
  organisationId: string,
  modelId: string,
): Promise<MeasurementModel | null> {
  const m = await db
    .selectFrom('measurement_model')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', modelId)
    .executeTakeFirst()
  if (!m) return null
  // Five small queries, each scoped to the organisation and the version; assembled in memory.
  const goalsQ = db
    .selectFrom('measurement_model_goal')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('model_id', '=', modelId)
    .orderBy('position')
  const kpisQ = db
    .selectFrom('measurement_model_kpi')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('model_id', '=', modelId)
    .orderBy('position')
  const driversQ = db
    .selectFrom('measurement_model_driver')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('model_id', '=', modelId)
    .orderBy('position')
  const statementsQ = db
    .selectFrom('measurement_model_statement')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('model_id', '=', modelId)
    .orderBy('position')
  const processesQ = db
    .selectFrom('measurement_model_process_indicator')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('model_id', '=', modelId)
    .orderBy('position')
  // Sequential on purpose: one pooled connection may serve this (PGlite with max 1).
  const goals = await goalsQ.execute()
  const kpis = await kpisQ.execute()
  const drivers = await driversQ.execute()
  const statements = await statementsQ.execute()
  const processes = await processesQ.execute()
  const toDriver = (d: MeasurementTables['measurement_model_driver']): ModelDriver => ({
    id: d.id,
    code: d.code,
    name: d.name_nl,
    description: d.description_nl,
    origin: d.origin,
    core: blockRef(d),
    statements: statements.filter((s) => s.driver_id === d.id).map((s) => question(organisationId, s)),
  })
  const toKpi = (k: MeasurementTables['measurement_model_kpi']): ModelKpi => ({
    id: k.id,
    code: k.code,
    name: k.name_nl,
    description: k.description_nl,
    origin: k.origin,
    core: blockRef(k),
    question: question(organisationId, k),
    drivers: drivers.filter((d) => d.kpi_id === k.id).map(toDriver),
  })
  const toGoal = (g: MeasurementTables['measurement_model_goal']): ModelGoal => ({
    id: g.id,
    code: g.code,
    name: g.name_nl,
    description: g.description_nl,
    origin: g.origin,
    core: blockRef(g),
    kpis: kpis.filter((k) => k.goal_id === g.id).map(toKpi),
  })
  const toProcess = (p: MeasurementTables['measurement_model_process_indicator']): ModelProcessIndicator => ({
    id: p.id,
    code: p.code,
    name: p.name_nl,
    description: p.description_nl,
    unit: p.unit,
    dataSource: p.data_source,
    origin: p.origin,
    core: blockRef(p),
  })
  return {
    id: m.id,
    organisationId,
    version: m.version,
    status: m.status,
    name: m.name,
    template: { id: m.template_id, version: m.template_version },
    basedOnId: m.based_on_id,
    createdAt: new Date(m.created_at),
    publishedAt: m.published_at ? new Date(m.published_at) : null,
    goals: goals.map(toGoal),
    processIndicators: processes.map(toProcess),
  }
}

/** The id of the organisation's published version with the highest number, or of its draft. */
export async function findModelId(
  db: Db,
  organisationId: string,
  status: 'draft' | 'published',
): Promise<{ id: string; version: number } | null> {
  const r = await db
    .selectFrom('measurement_model')
    .select(['id', 'version'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', status)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
  return r ?? null
}

/** The current (newest published) version of the organisation's model, or null. */
export async function getCurrentModel(db: Db, organisationId: string): Promise<MeasurementModel | null> {
  const ref = await findModelId(db, organisationId, 'published')
  return ref ? loadModel(db, organisationId, ref.id) : null
}

/** The organisation's draft, or null. */
export async function getDraftModel(db: Db, organisationId: string): Promise<MeasurementModel | null> {
  const ref = await findModelId(db, organisationId, 'draft')
  return ref ? loadModel(db, organisationId, ref.id) : null
}

/** Whether a version is the open draft or a published (immutable) version. */
export type VersionStatus = MeasurementModel['status']

/** One version of the organisation's model with the size of its tree: a row of the list of versions. */
export interface ModelVersionSummary {
  id: string
  version: number
  status: VersionStatus
  name: string
  template: { id: string; version: number }
  createdAt: Date
  publishedAt: Date | null
  counts: { goals: number; kpis: number; drivers: number; statements: number }
}

type TreeTable =
  | 'measurement_model_goal'
  | 'measurement_model_kpi'
  | 'measurement_model_driver'
  | 'measurement_model_statement'

/** How many rows of a tree table each of the given versions holds (versions without rows are left out). */
async function countByModel(db: Db, table: TreeTable, organisationId: string, modelIds: string[]) {
  // One grouped query per table instead of correlated sub-queries: each uses the table's unique
  // (organisation_id, model_id, code) index, and the page holds at most 100 versions.
  const rows = await db
    .selectFrom(table)
    .select((eb) => ['model_id', eb.fn.countAll<number | string | bigint>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('model_id', 'in', modelIds)
    .groupBy('model_id')
    .execute()
  return new Map(rows.map((r) => [r.model_id, Number(r.n)]))
}

/**
 * The versions of the organisation's model, newest (highest number) first, optionally only drafts or
 * only published ones; one page of them (`limit`, `offset`) and the number that match on all pages.
 */
export async function listModelVersions(
  db: Db,
  organisationId: string,
  options: { status?: VersionStatus; limit: number; offset: number },
): Promise<{ total: number; items: ModelVersionSummary[] }> {
  let base = db.selectFrom('measurement_model').where('organisation_id', '=', organisationId)
  if (options.status) base = base.where('status', '=', options.status)
  // Sequential on purpose: one pooled connection may serve this (PGlite with max 1).
  const { n } = await base
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow()
  // Ordered by the (organisation_id, version) unique index.
  const rows = await base
    .selectAll()
    .orderBy('version', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute()
  const ids = rows.map((r) => r.id)
  const none = new Map<string, number>()
  const goals = ids.length ? await countByModel(db, 'measurement_model_goal', organisationId, ids) : none
  const kpis = ids.length ? await countByModel(db, 'measurement_model_kpi', organisationId, ids) : none
  const drivers = ids.length ? await countByModel(db, 'measurement_model_driver', organisationId, ids) : none
  const statements = ids.length
    ? await countByModel(db, 'measurement_model_statement', organisationId, ids)
    : none
  return {
    total: Number(n),
    items: rows.map((m) => ({
      id: m.id,
      version: m.version,
      status: m.status,
      name: m.name,
      template: { id: m.template_id, version: m.template_version },
      createdAt: new Date(m.created_at),
      publishedAt: m.published_at ? new Date(m.published_at) : null,
      counts: {
        goals: goals.get(m.id) ?? 0,
        kpis: kpis.get(m.id) ?? 0,
        drivers: drivers.get(m.id) ?? 0,
        statements: statements.get(m.id) ?? 0,
      },
    })),
  }
}

/** One version of the organisation's model by its number (draft or published), or null. */
export async function getModelVersion(
  db: Db,
  organisationId: string,
  version: number,
): Promise<MeasurementModel | null> {
  const r = await db
    .selectFrom('measurement_model')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('version', '=', version)
    .executeTakeFirst()
  return r ? loadModel(db, organisationId, r.id) : null
}
