/**
 * Pure validation of case records before anything is written: every row is checked and every problem is
 * reported with its row number and column, so one run tells the user everything to fix.
 */
import { type ParsedDate, parseCaseDate } from './calc/dates.ts'

/** A case record as it arrives from CSV (strings) or JSON (strings, numbers, null). */
export interface CaseRecordInput {
  /** Row number to report; defaults to the 1-based position in the list. */
  row?: number
  reference?: unknown
  product?: unknown
  /** Name for a product created by the import (only with `createProducts`). */
  productName?: unknown
  channel?: unknown
  start?: unknown
  end?: unknown
  contacts?: unknown
}

/** The fields a row error can point at. */
export type CaseField = 'reference' | 'product' | 'productName' | 'channel' | 'start' | 'end' | 'contacts'

/** One problem in one row. */
export interface RowError {
  row: number
  field: CaseField
  reason: string
}

/** A row that passed every check. `productId` is null for a product the import will create. */
export interface ValidCase {
  row: number
  reference: string
  productCode: string
  productName: string
  productId: string | null
  channelId: string
  startedAt: Date
  endedAt: Date | null
  contactCount: number
}

/** What validation needs to know about the organisation. */
export interface CaseLookups {
  products: readonly { id: string; code: string; name: string }[]
  channels: readonly { id: string; code: string; name: string }[]
}

export const MAX_REFERENCE_LENGTH = 100
const MAX_CONTACTS = 1_000_000
/** Control characters make references unprintable and ambiguous in reports. */
const CONTROL = /[\u0000-\u001f\u007f]/

/** Validates all rows; `createProducts` turns an unknown product code into a product to create. */
export function validateCaseRows(
  rows: readonly CaseRecordInput[],
  lookups: CaseLookups,
  options: { createProducts?: boolean } = {},
): { valid: ValidCase[]; errors: RowError[] } {
  const products = codeIndex(lookups.products, false)
  const channels = codeIndex(lookups.channels, true)
  const seen = new Map<string, number>()
  const valid: ValidCase[] = []
  const errors: RowError[] = []
  rows.forEach((input, index) => {
    const row = input.row ?? index + 1
    const rowErrors: RowError[] = []
    const fail = (field: CaseField, reason: string) => rowErrors.push({ row, field, reason })

    const reference = text(input.reference)
    if (!reference) fail('reference', 'Required.')
    else if (reference.length > MAX_REFERENCE_LENGTH)
      fail('reference', `At most ${MAX_REFERENCE_LENGTH} characters.`)
    else if (CONTROL.test(reference)) fail('reference', 'Contains a control character.')
    else if (seen.has(reference)) fail('reference', `Appears again: also in row ${seen.get(reference)}.`)
    else seen.set(reference, row)

    const productCode = text(input.product)
    const product = productCode ? products.find(productCode) : undefined
    if (!productCode) fail('product', 'Required.')
    else if (!product && !options.createProducts)
      fail('product', `Unknown product code "${productCode}".${known(lookups.products)}`)
    else if (!product && productCode.length > 100) fail('product', 'At most 100 characters.')
    const productName = text(input.productName) || productCode

    const channelCode = text(input.channel)
    const channel = channelCode ? channels.find(channelCode) : undefined
    if (!channelCode) fail('channel', 'Required.')
    else if (!channel) fail('channel', `Unknown channel "${channelCode}".${known(lookups.channels)}`)

    const start = date(input.start)
    if (start === 'missing') fail('start', 'Required.')
    else if (start === 'invalid') fail('start', DATE_HELP)
    const end = date(input.end)
    if (end === 'invalid') fail('end', DATE_HELP)
    else if (typeof start === 'object' && typeof end === 'object' && endsBeforeStart(start, end))
      fail('end', 'The end is before the start.')

    const contacts = contactCount(input.contacts)
    if (contacts === null) fail('contacts', `A whole number from 0 to ${MAX_CONTACTS}.`)

    if (rowErrors.length > 0) {
      errors.push(...rowErrors)
      return
    }
    valid.push({
      row,
      reference,
      productCode: product?.code ?? productCode,
      productName: product?.name ?? productName,
      productId: product?.id ?? null,
      channelId: (channel as { id: string }).id,
      startedAt: (start as ParsedDate).at,
      endedAt: typeof end === 'object' ? end.at : null,
      contactCount: contacts as number,
    })
  })
  // Products created by the import are created once, whatever spelling the rows use.
  const created = new Map<string, string>()
  for (const v of valid) {
    if (v.productId !== null) continue
    const key = v.productCode.toLowerCase()
    const first = created.get(key)
    if (first === undefined) created.set(key, v.productCode)
    else v.productCode = first
  }
  return { valid, errors }
}

const DATE_HELP = 'Not a date. Use 2026-03-01, 2026-03-01T09:30:00+01:00, 01-03-2026 or 01-03-2026 09:30.'

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

function date(value: unknown): ParsedDate | 'missing' | 'invalid' {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return 'missing'
  if (typeof value !== 'string') return 'invalid'
  return parseCaseDate(value) ?? 'invalid'
}

/** With a date without time on either side, compare calendar days: "same day" is never "before". */
function endsBeforeStart(start: ParsedDate, end: ParsedDate): boolean {
  if (start.dateOnly || end.dateOnly) return end.localDate < start.localDate
  return end.at.getTime() < start.at.getTime()
}

/** Empty means 1: a zaak has at least the contact that started it. */
function contactCount(value: unknown): number | null {
  if (value === null || value === undefined) return 1
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'string') {
    const s = value.trim()
    if (s === '') return 1
    if (!/^\d+$/.test(s)) return null
    n = Number(s)
  } else return null
  return Number.isInteger(n) && n >= 0 && n <= MAX_CONTACTS ? n : null
}

/** Finds by exact code, then case-insensitively by code (and by name when `byName`). */
function codeIndex(items: readonly { id: string; code: string; name: string }[], byName: boolean) {
  const exact = new Map(items.map((i) => [i.code, i]))
  const folded = new Map<string, { id: string; code: string; name: string }>()
  for (const i of items) {
    if (byName && !folded.has(i.name.toLowerCase())) folded.set(i.name.toLowerCase(), i)
  }
  for (const i of items) folded.set(i.code.toLowerCase(), i)
  return { find: (code: string) => exact.get(code) ?? folded.get(code.toLowerCase()) }
}

function known(items: readonly { code: string }[]): string {
  if (items.length === 0) return ' There are none yet.'
  const codes = items.map((i) => i.code).sort()
  const shown = codes.slice(0, 12).join(', ')
  return ` Known: ${shown}${codes.length > 12 ? `, … (${codes.length} in all)` : ''}.`
}
