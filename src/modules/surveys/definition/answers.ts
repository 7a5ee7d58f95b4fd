/**
 * The answer rules of the definition format: what a valid answer to each question type is, how it is
 * stored (typed rows, ARCHITECTURE §3.2) and what logic sees of it. Pure: no I/O.
 *
 * Accepted raw values (from a form, already grouped per question, or from the API):
 * - grade 1–10, ces 1–7, nps 0–10, agreement 1–5: a whole number or a string of digits; agreement also
 *   "dont_know" when offered (stored as an option without a number, so it never enters a mean);
 * - smileys: "negative" | "neutral" | "positive", or `{ value, reason }` with a reason code of that smiley;
 * - single: an option code, or "other" / `{ value: "other", other: "text" }` when "anders" is offered;
 * - multiple: an array of option codes (a single string counts as one), at most `maxChoices`;
 * - open: text, control characters removed, trimmed, at most `maxLength` characters;
 * - yes_no and consent: true/false or "yes"/"no";
 * - date: "YYYY-MM-DD" or "D-M-YYYY" (how people type a Dutch date), a real day within min/max.
 */
import type { AnswerValue as LogicValue } from './logic.ts'
import type { Question, Text } from './schema.ts'

/** One typed answer row, ready for the answer table. */
export interface AnswerRow {
  questionId: string
  item: number
  numericValue: number | null
  optionCode: string | null
  detailCode: string | null
  textValue: string | null
  dateValue: string | null
}

/** A consent as given on the page: stored per purpose with the statement exactly as shown. */
export interface ConsentRecord {
  purpose: 'recontact' | 'quoting' | 'panel'
  given: boolean
  statement: string
  language: string
}

/** A validation problem with texts for both audiences (the page shows its language, the API English). */
export interface AnswerError {
  field: string
  nl: string
  en: string
  /** `required`: no answer given; `invalid`: the answer breaks the question's rule. */
  kind?: 'required' | 'invalid'
}

/** A parsed answer: rows to store, what logic sees, and a consent when the question is one. */
export interface ParsedAnswer {
  rows: Omit<AnswerRow, 'questionId'>[]
  logic: LogicValue
  consent?: Omit<ConsentRecord, 'language'>
}

/** The text in a language, falling back to Dutch (every text has Dutch). */
export function textIn(text: Text, lang: string): string {
  return (text as Record<string, string>)[lang] ?? text.nl
}

const SMILEY_VALUE = { negative: 1, neutral: 2, positive: 3 } as const
const SCALES = { grade: [1, 10], ces: [1, 7], nps: [0, 10], agreement: [1, 5] } as const

/** Whether a raw value counts as "no answer". */
export function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && isEmpty((v as { value?: unknown }).value))
  )
}

function wholeNumber(v: unknown): number {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number.NaN
  if (typeof v === 'string' && /^\s*\d{1,2}\s*$/.test(v)) return Number(v)
  return Number.NaN
}

function single(rows: Partial<Omit<AnswerRow, 'questionId'>>): Omit<AnswerRow, 'questionId'> {
  return {
    item: 0,
    numericValue: null,
    optionCode: null,
    detailCode: null,
    textValue: null,
    dateValue: null,
    ...rows,
  }
}

/** Removes control characters (except newline and tab): they carry no meaning and can break exports. */
export function cleanText(v: string): string {
  return v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim()
}

function bool(v: unknown): boolean | null {
  if (v === true || v === 'yes' || v === 'ja' || v === 'true' || v === 'on') return true
  if (v === false || v === 'no' || v === 'nee' || v === 'false') return false
  return null
}

/** Parses a typed date; returns ISO or null. Accepts ISO and Dutch day-month-year. */
export function parseDate(v: unknown): string | null {
  if (typeof v !== 'string') return null
  const s = v.trim()
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  let y: number
  let mo: number
  let d: number
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  else {
    m = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4})$/.exec(s)
    if (!m) return null
    ;[d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])]
  }
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}

/** Parses one non-empty answer; an error has texts in Dutch and English. */
export function parseAnswer(
  q: Question,
  v: unknown,
  lang: string,
): ParsedAnswer | { error: { nl: string; en: string } } {
  const label = textIn(q.text, lang)
  const labelNl = q.text.nl
  const fail = (nl: string, en: string) => ({ error: { nl, en } })
  switch (q.type) {
    case 'grade':
    case 'ces':
    case 'nps':
    case 'agreement': {
      if (q.type === 'agreement' && v === 'dont_know' && q.dontKnow)
        return { rows: [single({ optionCode: 'dont_know' })], logic: 'dont_know' }
      const [min, max] = SCALES[q.type]
      const n = wholeNumber(v)
      if (!Number.isInteger(n) || n < min || n > max) {
        return q.type === 'grade'
          ? fail(`Kies een cijfer van 1 tot en met 10 bij: ${labelNl}`, 'must be a whole number from 1 to 10')
          : fail(
              `Kies een van de antwoorden bij: ${labelNl}`,
              `must be a whole number from ${min} to ${max}${q.type === 'agreement' && q.dontKnow ? ' or "dont_know"' : ''}`,
            )
      }
      return { rows: [single({ numericValue: n })], logic: n }
    }
    case 'smileys': {
      const obj =
        typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
      const value = obj ? obj.value : v
      if (value !== 'negative' && value !== 'neutral' && value !== 'positive')
        return fail(
          `Kies een van de gezichtjes bij: ${labelNl}`,
          'must be "negative", "neutral" or "positive"',
        )
      const reasons = q.reasons?.[value] ?? []
      const reason = obj && !isEmpty(obj.reason) ? obj.reason : null
      if (reason !== null && !reasons.some((r) => r.code === reason))
        return fail(`Kies een van de redenen bij: ${labelNl}`, `reason must be one of the ${value} reasons`)
      return {
        rows: [
          single({
            numericValue: SMILEY_VALUE[value],
            optionCode: value,
            detailCode: (reason as string) ?? null,
          }),
        ],
        logic: value,
      }
    }
    case 'single': {
      const obj =
        typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
      const value = obj ? obj.value : v
      if (value === 'other' && q.other) {
        const other = typeof obj?.other === 'string' ? cleanText(obj.other) : ''
        if ([...other].length > 200)
          return fail(
            `Uw antwoord bij "${labelNl}" is te lang. Gebruik maximaal 200 tekens.`,
            'other text: at most 200 characters',
          )
        return { rows: [single({ optionCode: 'other', textValue: other || null })], logic: 'other' }
      }
      if (typeof value !== 'string' || !q.options.some((o) => o.code === value))
        return fail(`Kies een van de antwoorden bij: ${labelNl}`, 'must be one of the option codes')
      return { rows: [single({ optionCode: value })], logic: value }
    }
    case 'multiple': {
      const list = Array.isArray(v) ? v : [v]
      const codes = [...new Set(list)]
      if (!codes.every((c) => typeof c === 'string' && q.options.some((o) => o.code === c)))
        return fail(`Kies alleen antwoorden uit de lijst bij: ${labelNl}`, 'must be a list of option codes')
      if (q.maxChoices && codes.length > q.maxChoices)
        return fail(
          `Kies bij "${labelNl}" niet meer dan ${q.maxChoices} antwoorden.`,
          `choose at most ${q.maxChoices} options`,
        )
      const ordered = q.options.map((o) => o.code).filter((c) => codes.includes(c))
      return { rows: ordered.map((c, item) => single({ item, optionCode: c })), logic: ordered }
    }
    case 'open': {
      if (typeof v !== 'string')
        return fail(`Uw antwoord bij "${labelNl}" is geen tekst.`, 'must be a string')
      const text = cleanText(v)
      if ([...text].length > q.maxLength)
        return fail(
          `Uw antwoord bij "${labelNl}" is te lang. Gebruik maximaal ${q.maxLength} tekens.`,
          `must be at most ${q.maxLength} characters`,
        )
      return { rows: [single({ textValue: text })], logic: text }
    }
    case 'yes_no':
    case 'consent': {
      const b = bool(v)
      if (b === null) return fail(`Kies ja of nee bij: ${labelNl}`, 'must be true or false')
      const row = single({ numericValue: b ? 1 : 0, optionCode: b ? 'yes' : 'no' })
      return q.type === 'consent'
        ? { rows: [row], logic: b, consent: { purpose: q.purpose, given: b, statement: label } }
        : { rows: [row], logic: b }
    }
    case 'date': {
      const iso = parseDate(v)
      if (!iso)
        return fail(
          `Vul bij "${labelNl}" een bestaande datum in, bijvoorbeeld 17-3-2026.`,
          'must be a date as YYYY-MM-DD',
        )
      if ((q.min && iso < q.min) || (q.max && iso > q.max))
        return fail(
          `Vul bij "${labelNl}" een datum in${q.min ? ` vanaf ${dutchDate(q.min)}` : ''}${q.max ? ` tot en met ${dutchDate(q.max)}` : ''}.`,
          `must be between ${q.min ?? 'any'} and ${q.max ?? 'any'}`,
        )
      return { rows: [single({ dateValue: iso })], logic: iso }
    }
  }
}

/** 2026-03-17 → 17-3-2026, the way the page asks for dates. */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${Number(d)}-${Number(m)}-${y}`
}

/** An answer row as read back from the database. */
export interface StoredAnswer {
  numeric_value: number | null
  option_code: string | null
  text_value: string | null
  date_value: string | null
  detail_code: string | null
}

/** What logic sees of stored rows of one question (to continue a partial response). */
export function logicFromRows(q: Question, rows: StoredAnswer[]): LogicValue {
  const r = rows[0]
  if (!r) return undefined
  switch (q.type) {
    case 'grade':
    case 'ces':
    case 'nps':
      return r.numeric_value
    case 'agreement':
      return r.option_code === 'dont_know' ? 'dont_know' : r.numeric_value
    case 'smileys':
    case 'single':
      return r.option_code
    case 'multiple':
      return rows.map((x) => x.option_code).filter((x): x is string => x !== null)
    case 'open':
      return r.text_value
    case 'yes_no':
    case 'consent':
      return r.option_code === 'yes'
    case 'date':
      return r.date_value
  }
}
