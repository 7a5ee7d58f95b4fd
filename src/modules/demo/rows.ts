/**
 * Turns demo records into table rows (column values in table order). One place decides what a record
 * becomes in the database, so the COPY writer, the INSERT … unnest writer and the digest agree.
 */
import { STANDARD_DRIVERS } from '../surveys/standard-survey.ts'
import type { DemoRecord } from './generate.ts'

/** Database ids that the rows point at. */
export interface DemoIds {
  organisationId: string
  surveyId: string
  surveyVersion: number
  /** Question id by question code (rapportcijfer, the five drivers, waarom, verbeteren). */
  questionIds: Record<string, string>
  /** Ids in DEMO_PRODUCTS / DEMO_CHANNELS order. */
  productIds: string[]
  channelIds: string[]
}

/** A column value as written: text, number, or SQL NULL. */
export type Value = string | number | null

/** The bulk tables, their columns (in COPY order) and their PostgreSQL types (for unnest). */
export const BULK_TABLES = {
  service_case: {
    columns: [
      'organisation_id',
      'id',
      'reference',
      'product_id',
      'channel_id',
      'started_at',
      'ended_at',
      'contact_count',
    ],
    types: ['uuid', 'uuid', 'text', 'uuid', 'uuid', 'timestamptz', 'timestamptz', 'int4'],
  },
  response: {
    columns: [
      'organisation_id',
      'id',
      'survey_id',
      'survey_version',
      'submitted_at',
      'channel_id',
      'product_id',
      'case_id',
    ],
    types: ['uuid', 'uuid', 'uuid', 'int4', 'timestamptz', 'uuid', 'uuid', 'uuid'],
  },
  answer: {
    columns: ['organisation_id', 'response_id', 'question_id', 'numeric_value', 'option_code', 'text_value'],
    types: ['uuid', 'uuid', 'uuid', 'numeric', 'text', 'text'],
  },
  signal: {
    columns: [
      'organisation_id',
      'id',
      'kind',
      'received_at',
      'channel_id',
      'product_id',
      'case_id',
      'description',
    ],
    types: ['uuid', 'uuid', 'text', 'timestamptz', 'uuid', 'uuid', 'uuid', 'text'],
  },
} as const

export type BulkTable = keyof typeof BULK_TABLES
/** Tables in foreign-key order: cases before the responses that point at them, and so on. */
export const BULK_ORDER: BulkTable[] = ['service_case', 'response', 'answer', 'signal']

/** Receives one row of one table. */
export type RowSink = (table: BulkTable, values: Value[]) => void

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

/** Emits the rows of one record, tables in BULK_ORDER. */
export function emitRows(record: DemoRecord, ids: DemoIds, emit: RowSink): void {
  const org = ids.organisationId
  const c = record.case
  const productId = ids.productIds[c.product] as string
  const channelId = ids.channelIds[c.channel] as string
  emit('service_case', [
    org,
    c.id,
    c.reference,
    productId,
    channelId,
    iso(c.startedAt),
    iso(c.endedAt),
    c.contacts,
  ])
  const rid = record.responseId
  emit('response', [
    org,
    rid,
    ids.surveyId,
    ids.surveyVersion,
    iso(record.submittedAt),
    channelId,
    productId,
    c.id,
  ])
  const q = ids.questionIds
  emit('answer', [org, rid, q.rapportcijfer as string, record.experience.grade, null, null])
  for (let k = 0; k < STANDARD_DRIVERS.length; k++) {
    const value = record.experience.answers[k]
    const qid = q[STANDARD_DRIVERS[k] as string] as string
    emit(
      'answer',
      value == null ? [org, rid, qid, null, 'dont_know', null] : [org, rid, qid, value, null, null],
    )
  }
  if (record.why) emit('answer', [org, rid, q.waarom as string, null, null, record.why.text])
  if (record.improve) emit('answer', [org, rid, q.verbeteren as string, null, null, record.improve.text])
  const s = record.signal
  if (s) emit('signal', [org, s.id, s.kind, iso(s.receivedAt), channelId, productId, c.id, s.description])
}

/** One row in PostgreSQL's COPY text format (tab-separated, \N for NULL, backslash escapes). */
export function copyLine(values: Value[]): string {
  let line = ''
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (i > 0) line += '\t'
    if (v === null || v === undefined) line += '\\N'
    else if (typeof v === 'number') line += v
    else line += copyText(v)
  }
  return `${line}\n`
}

function escapeChar(ch: string): string {
  return ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'
}

function copyText(v: string): string {
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, escapeChar) : v
}

/**
 * The COPY lines of one record, appended to `out` per table: the same rows as `emitRows` + `copyLine`
 * (a test holds them equal), built from pre-joined fragments because generic formatting was 80% of
 * the load's client-side CPU time. Only free text is escaped; ids, times and numbers never need it.
 */
export function appendCopyLines(record: DemoRecord, ids: DemoIds, out: Record<BulkTable, string[]>): void {
  const org = `${ids.organisationId}\t`
  const c = record.case
  const productId = ids.productIds[c.product] as string
  const channelId = ids.channelIds[c.channel] as string
  out.service_case.push(
    `${org}${c.id}\t${copyText(c.reference)}\t${productId}\t${channelId}\t${iso(c.startedAt)}\t${iso(c.endedAt)}\t${c.contacts}\n`,
  )
  const rid = record.responseId
  out.response.push(
    `${org}${rid}\t${ids.surveyId}\t${ids.surveyVersion}\t${iso(record.submittedAt)}\t${channelId}\t${productId}\t${c.id}\n`,
  )
  const q = ids.questionIds
  const head = `${org}${rid}\t`
  const answers = out.answer
  answers.push(`${head}${q.rapportcijfer}\t${record.experience.grade}\t\\N\t\\N\n`)
  for (let k = 0; k < STANDARD_DRIVERS.length; k++) {
    const value = record.experience.answers[k]
    const qid = q[STANDARD_DRIVERS[k] as string]
    answers.push(
      value == null ? `${head}${qid}\t\\N\tdont_know\t\\N\n` : `${head}${qid}\t${value}\t\\N\t\\N\n`,
    )
  }
  if (record.why) answers.push(`${head}${q.waarom}\t\\N\t\\N\t${copyText(record.why.text)}\n`)
  if (record.improve) answers.push(`${head}${q.verbeteren}\t\\N\t\\N\t${copyText(record.improve.text)}\n`)
  const sg = record.signal
  if (sg) {
    out.signal.push(
      `${org}${sg.id}\t${sg.kind}\t${iso(sg.receivedAt)}\t${channelId}\t${productId}\t${c.id}\t${copyText(sg.description)}\n`,
    )
  }
}
