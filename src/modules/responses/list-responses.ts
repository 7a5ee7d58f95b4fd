/**
 * Use cases: read stored responses for staff (GET /api/v1/organisations/{slug}/responses[/{id}]).
 * One query reads a page of responses, one more reads all their answers (never one query per response),
 * and a third the consents of a single response. Rows come back as stored; `present.ts` decides what
 * a caller may see. Reading personal data appends a `responses.read` event (ARCHITECTURE §3.5, §5): the
 * organisation can tell who saw which answers, for example to answer an AVG request for access.
 */
import { type Kysely, sql } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import type { Database } from '../database.ts'
import type { AnswerRow } from '../surveys/definition/answers.ts'
import type { QuestionKind } from '../surveys/schema.ts'

/** Filters of a response listing; every one is optional except `status` (default `complete`). */
export interface ResponseFilter {
  survey?: string
  version?: number
  status: 'complete' | 'partial' | 'all'
  channel?: string
  product?: string
  caseReference?: string
  submittedFrom?: string
  submittedTo?: string
  language?: string
}

/** One stored answer row with the code and type of its question. */
export type StoredAnswerRow = Omit<AnswerRow, 'questionId'> & { code: string; kind: QuestionKind }

/** A stored response with its answer rows in question order. */
export interface StoredResponse {
  id: string
  surveyId: string
  surveyVersion: number
  status: 'partial' | 'complete'
  submittedAt: Date
  language: string
  channel: string | null
  product: string | null
  caseReference: string | null
  /** How the answers were collected: self, paper, interview or telephony (decision 0016). */
  collectionMode: 'self' | 'paper' | 'interview' | 'telephony'
  answers: StoredAnswerRow[]
}

/** A consent given with a response. */
export interface StoredConsent {
  purpose: 'recontact' | 'quoting' | 'panel'
  given: boolean
  recordedAt: Date
  withdrawnAt: Date | null
}

/** What a reader is: whose access is audited, and whether they see personal data. */
export interface ReadAccess {
  ctx: WriteContext
  personal: boolean
}

/** The organisation's responses with the filters applied; channel and product by code. */
function filtered(db: Kysely<Database>, organisationId: string, f: ResponseFilter) {
  let q = db
    .selectFrom('response as r')
    .leftJoin('channel as ch', (j) =>
      j.onRef('ch.organisation_id', '=', 'r.organisation_id').onRef('ch.id', '=', 'r.channel_id'),
    )
    .leftJoin('product as p', (j) =>
      j.onRef('p.organisation_id', '=', 'r.organisation_id').onRef('p.id', '=', 'r.product_id'),
    )
    .where('r.organisation_id', '=', organisationId)
  if (f.status !== 'all') q = q.where('r.status', '=', f.status)
  if (f.survey) q = q.where('r.survey_id', '=', f.survey)
  if (f.version !== undefined) q = q.where('r.survey_version', '=', f.version)
  if (f.channel) q = q.where('ch.code', '=', f.channel)
  if (f.product) q = q.where('p.code', '=', f.product)
  if (f.caseReference) q = q.where('r.case_reference', '=', f.caseReference)
  if (f.submittedFrom) q = q.where('r.submitted_at', '>=', new Date(f.submittedFrom))
  if (f.submittedTo) q = q.where('r.submitted_at', '<', new Date(f.submittedTo))
  if (f.language) q = q.where('r.language', '=', f.language)
  return q
}

/** Answer rows of the given responses, grouped by response id, in question order. */
async function answersOf(db: Kysely<Database>, organisationId: string, ids: string[]) {
  const byResponse = new Map<string, StoredAnswerRow[]>(ids.map((id) => [id, []]))
  if (ids.length === 0) return byResponse
  const rows = await db
    .selectFrom('answer as a')
    .innerJoin('question as q', (j) =>
      j.onRef('q.organisation_id', '=', 'a.organisation_id').onRef('q.id', '=', 'a.question_id'),
    )
    .select([
      'a.response_id',
      'q.code',
      'q.kind',
      'a.item',
      'a.numeric_value',
      'a.option_code',
      'a.detail_code',
      'a.text_value',
      'a.date_value',
    ])
    .where('a.organisation_id', '=', organisationId)
    .where('a.response_id', 'in', ids)
    .orderBy('a.response_id')
    .orderBy('q.position')
    .orderBy('a.item')
    .execute()
  for (const r of rows)
    byResponse.get(r.response_id)?.push({
      code: r.code,
      kind: r.kind,
      item: r.item,
      numericValue: r.numeric_value === null ? null : Number(r.numeric_value),
      optionCode: r.option_code,
      detailCode: r.detail_code,
      textValue: r.text_value,
      dateValue: r.date_value,
    })
  return byResponse
}

const COLUMNS = [
  'r.id',
  'r.survey_id',
  'r.survey_version',
  'r.status',
  'r.submitted_at',
  'r.language',
  'r.case_reference',
  'r.collection_mode',
  'ch.code as channel_code',
  'p.code as product_code',
] as const

/** Reads responses (page rows + answers) and maps them to StoredResponse. */
async function withAnswers(
  db: Kysely<Database>,
  organisationId: string,
  rows: {
    id: string
    survey_id: string
    survey_version: number
    status: 'partial' | 'complete'
    submitted_at: Date
    language: string
    case_reference: string | null
    collection_mode: 'self' | 'paper' | 'interview' | 'telephony'
    channel_code: string | null
    product_code: string | null
  }[],
): Promise<StoredResponse[]> {
  const answers = await answersOf(
    db,
    organisationId,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    surveyId: r.survey_id,
    surveyVersion: r.survey_version,
    status: r.status,
    submittedAt: r.submitted_at,
    language: r.language,
    channel: r.channel_code,
    product: r.product_code,
    caseReference: r.case_reference,
    collectionMode: r.collection_mode,
    answers: answers.get(r.id) ?? [],
  }))
}

/**
 * One page of the organisation's responses, newest first (submitted_at, then id, so that responses
 * stored in the same instant keep one order between pages), with the total under the filter.
 */
export async function listResponses(
  db: Kysely<Database>,
  access: ReadAccess,
  filter: ResponseFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: StoredResponse[]; total: number }> {
  const org = access.ctx.organisationId
  const [rows, count] = await Promise.all([
    filtered(db, org, filter)
      .select(COLUMNS)
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    filtered(db, org, filter).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ])
  const items = await withAnswers(db, org, rows)
  if (access.personal)
    await recordEvent(db, access.ctx, {
      type: 'responses.read',
      subjectType: 'response',
      data: {
        filter,
        page: page.page,
        pageSize: page.pageSize,
        count: items.length,
        total: Number(count.n),
        responseIds: items.map((i) => i.id),
      },
    })
  return { items, total: Number(count.n) }
}

/** One response of the organisation with its consents, or null (also for another organisation's id). */
export async function findResponse(
  db: Kysely<Database>,
  access: ReadAccess,
  responseId: string,
): Promise<(StoredResponse & { consents: StoredConsent[] }) | null> {
  const org = access.ctx.organisationId
  const rows = await filtered(db, org, { status: 'all' })
    .select(COLUMNS)
    .where('r.id', '=', responseId)
    .execute()
  if (rows.length === 0) return null
  const [[item], consents] = await Promise.all([
    withAnswers(db, org, rows),
    db
      .selectFrom('consent')
      .select(['purpose', 'given', 'recorded_at', 'withdrawn_at'])
      .where('organisation_id', '=', org)
      .where('response_id', '=', responseId)
      .orderBy('purpose')
      .execute(),
  ])
  if (access.personal)
    await recordEvent(db, access.ctx, {
      type: 'responses.read',
      subjectType: 'response',
      subjectId: responseId,
      data: { count: 1 },
    })
  return {
    ...(item as StoredResponse),
    consents: consents.map((c) => ({
      purpose: c.purpose,
      given: c.given,
      recordedAt: c.recorded_at,
      withdrawnAt: c.withdrawn_at,
    })),
  }
}
