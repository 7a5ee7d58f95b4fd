/**
 * Use case: a CSV upload of contact moments for one survey (docs/invitations.md, "CSV upload").
 *
 * All or nothing for invalid files: the whole file is checked first, and when any line is wrong
 * nothing is recorded and the first MAX_PROBLEMS problems come back (with the total). A valid file is
 * then read a second time and recorded with recordContactMoments (source `csv`), UPLOAD_BATCH_SIZE
 * lines per transaction, batch after batch in file order. Neither pass keeps an object per line of the
 * whole file: the first keeps only the problems and the kenmerken seen (to refuse a repeated one), the
 * second only one batch. recordContactMoments decides the lines of a batch in order, so every upload
 * decides as line-by-line recording would (the first of two lines of one person is planned, the second
 * suppressed).
 *
 * A re-upload of the same file is harmless for lines with a kenmerk: recordContactMoments answers the
 * earlier decision and stores nothing (counted as "al eerder ontvangen").
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../../platform/db/audit.ts'
import { ValidationError } from '../../../platform/errors.ts'
import { CsvError, readCsvRecords } from '../../cases/index.ts'
import type { Database } from '../../database.ts'
import { PLANNING_BATCH_SIZE, type PlanningDeps, recordContactMoments } from '../record-contact-moment.ts'
import { findRule } from '../rule.ts'
import type { InvitationStatus } from '../schema.ts'
import { type ColumnMap, mapContactHeader } from './columns.ts'
import { type ContactRow, type RowProblem, validateContactRow } from './validate-row.ts'

/** Problems shown at most; the rest are counted. */
export const MAX_PROBLEMS = 100
/** Lines held in memory and recorded per batch (one transaction each). */
export const UPLOAD_BATCH_SIZE = PLANNING_BATCH_SIZE

/** The decisions the result page counts, and lines answered from an earlier upload. */
export interface UploadReport {
  lines: number
  planned: number
  notSampled: number
  duplicate: number
  optedOut: number
  suppressed: number
  /** Lines whose kenmerk was recorded before: nothing new stored. */
  repeated: number
}

/** The outcome: a report, or the problems (first MAX_PROBLEMS) and their total. */
export type UploadOutcome =
  | { ok: true; report: UploadReport }
  | { ok: false; problems: RowProblem[]; problemCount: number }

type CheckResult = { map: ColumnMap | null; problems: RowProblem[]; problemCount: number; lines: number }

/** Checks and, when every line is valid, records the file's contact moments for `surveyId`. */
export async function uploadContacts(
  db: Kysely<Database>,
  ctx: WriteContext,
  surveyId: string,
  bytes: Uint8Array,
  deps: PlanningDeps & { batchSize?: number },
): Promise<UploadOutcome> {
  const lookups = await loadLookups(db, ctx.organisationId)
  const checked = await checkFile(bytes, lookups)
  if (checked.problemCount > 0 || !checked.map)
    return { ok: false, problems: checked.problems, problemCount: checked.problemCount }
  if (checked.lines === 0)
    return {
      ok: false,
      problems: [
        { line: 2, column: '', message: 'Het bestand heeft alleen een kopregel en geen contacten.' },
      ],
      problemCount: 1,
    }
  const report: UploadReport = {
    lines: 0,
    planned: 0,
    notSampled: 0,
    duplicate: 0,
    optedOut: 0,
    suppressed: 0,
    repeated: 0,
  }
  let batch: ContactRow[] = []
  const flush = async () => {
    const inputs = batch.map((row) => ({ ...row, surveyId, source: 'csv' as const }))
    batch = []
    for (const outcome of await recordContactMoments(db, ctx, inputs, deps)) {
      // The file was checked against the same rules, so this means the survey changed meanwhile.
      if (outcome instanceof ValidationError) throw outcome
      count(report, outcome.created ? outcome.invitation.status : null)
    }
  }
  for await (const { row } of validRows(bytes, checked.map, lookups)) {
    batch.push(row)
    if (batch.length >= (deps.batchSize ?? UPLOAD_BATCH_SIZE)) await flush()
  }
  await flush()
  await recordEvent(db, ctx, {
    type: 'contact-moments.uploaded',
    subjectType: 'survey',
    subjectId: surveyId,
    data: { ...report },
  })
  return { ok: true, report }
}

/** Whether the survey belongs to the organisation and has an invitation rule (else: the upload is refused). */
export async function surveyAcceptsContacts(
  db: Kysely<Database>,
  organisationId: string,
  surveyId: string,
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(surveyId)) return false
  return (await findRule(db, organisationId, surveyId, null)) !== null
}

function count(report: UploadReport, status: InvitationStatus | null) {
  report.lines += 1
  if (status === null) report.repeated += 1
  else if (status === 'planned') report.planned += 1
  else if (status === 'not_sampled') report.notSampled += 1
  else if (status === 'duplicate') report.duplicate += 1
  else if (status === 'opted_out') report.optedOut += 1
  else if (status === 'suppressed') report.suppressed += 1
}

async function loadLookups(db: Kysely<Database>, organisationId: string) {
  const codes = async (table: 'product' | 'channel') =>
    new Set(
      (await db.selectFrom(table).select('code').where('organisation_id', '=', organisationId).execute()).map(
        (r) => r.code,
      ),
    )
  return { products: await codes('product'), channels: await codes('channel') }
}

/** The first pass: every problem counted, the first MAX_PROBLEMS kept. */
async function checkFile(bytes: Uint8Array, lookups: Awaited<ReturnType<typeof loadLookups>>) {
  const result: CheckResult = { map: null, problems: [], problemCount: 0, lines: 0 }
  const add = (p: RowProblem) => {
    result.problemCount += 1
    if (result.problems.length < MAX_PROBLEMS) result.problems.push(p)
  }
  // Kenmerk → first line: a repeated kenmerk would silently count as "already received".
  const seen = new Map<string, number>()
  try {
    for await (const record of readCsvRecords([bytes])) {
      if (record.fields.every((f) => f.trim() === '')) continue
      if (!result.map) {
        const header = mapContactHeader(record.fields)
        for (const p of header.problems) add({ line: record.row, ...p })
        if (header.problems.length) return result
        result.map = header.map
        continue
      }
      result.lines += 1
      const checked = validateContactRow(record.fields, record.row, result.map, lookups)
      for (const p of checked.problems) add(p)
      const id =
        result.map.externalId === undefined ? '' : (record.fields[result.map.externalId] ?? '').trim()
      if (id) {
        const first = seen.get(id)
        if (first !== undefined)
          add({ line: record.row, column: 'kenmerk', message: `Dit kenmerk staat ook op regel ${first}.` })
        else seen.set(id, record.row)
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    add({ line: error.line ?? 1, column: '', message: unreadable(error) })
    return result
  }
  if (!result.map) add({ line: 1, column: '', message: 'Het bestand is leeg.' })
  return result
}

/** The second pass: the valid rows again, in file order (the file was checked, so every row is valid). */
async function* validRows(
  bytes: Uint8Array,
  map: ColumnMap,
  lookups: Awaited<ReturnType<typeof loadLookups>>,
) {
  let header = true
  for await (const record of readCsvRecords([bytes])) {
    if (record.fields.every((f) => f.trim() === '')) continue
    if (header) {
      header = false
      continue
    }
    const checked = validateContactRow(record.fields, record.row, map, lookups)
    if (checked.row) yield { row: checked.row }
  }
}

/** A Dutch message for a file that is not readable CSV (the parser's messages are English). */
function unreadable(error: CsvError): string {
  if (/workbook/.test(error.message))
    return 'Dit is een Excel- of Calc-bestand. Kies in Excel "Opslaan als" en dan "CSV UTF-8".'
  if (/UTF-8|binary/.test(error.message))
    return 'Dit bestand is geen tekst in UTF-8. Kies in Excel "Opslaan als" en dan "CSV UTF-8".'
  if (/quoted field/.test(error.message))
    return 'Op deze regel begint een aanhalingsteken (") dat niet sluit.'
  return 'Na een sluitend aanhalingsteken (") staat nog tekst. Controleer de aanhalingstekens op deze regel.'
}
