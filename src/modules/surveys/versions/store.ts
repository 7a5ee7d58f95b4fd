/** Reads of surveys and their versions, always scoped to one organisation. */
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../database.ts'
import { SurveyDefinition } from '../definition/schema.ts'

type Db = Kysely<Database> | Transaction<Database>

/** One version of a survey with its parsed definition. */
export interface SurveyVersion {
  surveyId: string
  version: number
  status: 'draft' | 'published'
  definition: SurveyDefinition
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
}

/** A survey as staff see it in lists. */
export interface SurveySummary {
  id: string
  publicKey: string
  title: string
  isStandard: boolean
  /** Newest published version; 0 when nothing was published yet. */
  publishedVersion: number
  /** Version number of the open draft, if any. */
  draftVersion: number | null
  createdAt: Date
}

/** Stored definitions were checked when saved; parsing again fills defaults added since. */
function toVersion(row: {
  survey_id: string
  version: number
  status: 'draft' | 'published'
  definition: unknown
  created_at: Date
  updated_at: Date
  published_at: Date | null
}): SurveyVersion {
  return {
    surveyId: row.survey_id,
    version: row.version,
    status: row.status,
    definition: SurveyDefinition.parse(row.definition),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  }
}

/** One version, or null. */
export async function findVersion(db: Db, organisationId: string, surveyId: string, version: number) {
  const row = await db
    .selectFrom('survey_version')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('survey_id', '=', surveyId)
    .where('version', '=', version)
    .executeTakeFirst()
  return row ? toVersion(row) : null
}

/** The open draft of a survey, or null. */
export async function findDraft(db: Db, organisationId: string, surveyId: string) {
  const row = await db
    .selectFrom('survey_version')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('survey_id', '=', surveyId)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return row ? toVersion(row) : null
}

/** Every version of a survey, newest first, without definitions parsed twice. */
export async function listVersions(db: Db, organisationId: string, surveyId: string) {
  const rows = await db
    .selectFrom('survey_version')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('survey_id', '=', surveyId)
    .orderBy('version', 'desc')
    .execute()
  return rows.map(toVersion)
}

/** The organisation's surveys, newest first, optionally one by id. */
export async function listSurveys(
  db: Db,
  organisationId: string,
  filter: { id?: string; limit?: number; offset?: number } = {},
): Promise<SurveySummary[]> {
  let q = db
    .selectFrom('survey')
    .leftJoin('survey_version as d', (j) =>
      j
        .onRef('d.organisation_id', '=', 'survey.organisation_id')
        .onRef('d.survey_id', '=', 'survey.id')
        .on('d.status', '=', 'draft'),
    )
    .select([
      'survey.id',
      'survey.public_key',
      'survey.title',
      'survey.is_standard',
      'survey.created_at',
      'd.version as draft_version',
    ])
    .select((eb) =>
      eb
        .selectFrom('survey_version as p')
        .select((e) => e.fn.coalesce(e.fn.max('p.version'), e.lit(0)).as('v'))
        .whereRef('p.organisation_id', '=', 'survey.organisation_id')
        .whereRef('p.survey_id', '=', 'survey.id')
        .where('p.status', '=', 'published')
        .as('published_version'),
    )
    .where('survey.organisation_id', '=', organisationId)
    .orderBy('survey.created_at', 'desc')
    .orderBy('survey.id', 'desc')
  if (filter.id) q = q.where('survey.id', '=', filter.id)
  if (filter.limit !== undefined) q = q.limit(filter.limit)
  if (filter.offset) q = q.offset(filter.offset)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    publicKey: r.public_key,
    title: r.title,
    isStandard: r.is_standard,
    publishedVersion: Number(r.published_version ?? 0),
    draftVersion: r.draft_version ?? null,
    createdAt: r.created_at,
  }))
}

/** One survey of the organisation, or null. */
export async function findSurvey(db: Db, organisationId: string, surveyId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(surveyId)) return null
  return (await listSurveys(db, organisationId, { id: surveyId }))[0] ?? null
}
