/**
 * Reads a CSV file of zaken into case records. The first record is the header; column names are matched
 * case-insensitively, ignoring spaces, '_', '-' and '.', in English or Dutch (docs/process-data.md).
 * Unknown columns are ignored so that a full export of a case system can be used as it is; a missing
 * required column is an error for the whole file. Empty lines are skipped.
 */
import { CsvError, readCsvRecords, type Separator } from './csv.ts'
import type { CaseRecordInput } from './validate-cases.ts'

type Column = 'reference' | 'product' | 'productName' | 'channel' | 'start' | 'end' | 'contacts'

/** Accepted header names per column (after normalising). */
export const COLUMN_NAMES: Record<Column, readonly string[]> = {
  reference: ['reference', 'casereference', 'case', 'zaak', 'zaaknummer', 'zaakreferentie', 'referentie'],
  product: ['product', 'productcode', 'zaaktype'],
  productName: ['productname', 'productnaam', 'zaaktypeomschrijving'],
  channel: ['channel', 'channelcode', 'kanaal'],
  start: ['start', 'started', 'startedat', 'startdate', 'startdatum', 'begin', 'begindatum', 'gestart'],
  end: ['end', 'ended', 'endedat', 'enddate', 'einddatum', 'eind', 'einde', 'afgerond'],
  contacts: ['contacts', 'contactcount', 'contactmomenten', 'aantalcontacten', 'aantalcontactmomenten'],
}
const REQUIRED: Column[] = ['reference', 'product', 'channel', 'start']

function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]/g, '')
}

/** Maps header fields to columns; throws a CsvError listing every missing or repeated column. */
export function mapHeader(header: readonly string[]): Partial<Record<Column, number>> {
  const map: Partial<Record<Column, number>> = {}
  const problems: string[] = []
  header.forEach((raw, index) => {
    const name = normalise(raw)
    const column = (Object.keys(COLUMN_NAMES) as Column[]).find((c) => COLUMN_NAMES[c].includes(name))
    if (!column) return
    if (map[column] !== undefined) problems.push(`column "${column}" appears twice ("${raw}")`)
    else map[column] = index
  })
  const missing = REQUIRED.filter((c) => map[c] === undefined)
  if (missing.length > 0)
    problems.push(
      `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} ` +
        `(found: ${header.map((h) => `"${h}"`).join(', ') || 'nothing'})`,
    )
  if (problems.length > 0) throw new CsvError(`header: ${problems.join('; ')}`, 1)
  return map
}

/** Reads all case records from CSV bytes (streamed; values stay strings for validation). */
export async function readCaseRecords(
  bytes: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: { separator?: Separator; encoding?: 'utf-8' | 'windows-1252' } = {},
): Promise<CaseRecordInput[]> {
  let columns: Partial<Record<Column, number>> | null = null
  const rows: CaseRecordInput[] = []
  for await (const record of readCsvRecords(bytes, options)) {
    const blank = record.fields.every((f) => f.trim() === '')
    if (columns === null) {
      if (blank) throw new CsvError('the first line must be the header with the column names', record.row)
      columns = mapHeader(record.fields)
      continue
    }
    if (blank) continue
    const map: Partial<Record<Column, number>> = columns
    const value = (c: Column) => {
      const i = map[c]
      return i === undefined ? undefined : (record.fields[i] ?? '')
    }
    rows.push({
      row: record.row,
      reference: value('reference'),
      product: value('product'),
      productName: value('productName'),
      channel: value('channel'),
      start: value('start'),
      end: value('end'),
      contacts: value('contacts'),
    })
  }
  if (columns === null) throw new CsvError('the file is empty')
  return rows
}
