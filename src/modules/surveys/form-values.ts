/**
 * Reading the response form back (pure): the posted fields of one screen become raw answers for
 * validation and values to show again. Field names are described in pages/question-field.tsx.
 */
import { dutchDate, type StoredAnswer } from './definition/answers.ts'
import type { Question } from './definition/schema.ts'
import type { FieldValue } from './pages/question-field.tsx'

/** A parsed form body (hono's parseBody with `all: true`). */
export type FormBody = Record<string, string | File | (string | File)[]>

function str(v: FormBody[string] | undefined): string | undefined {
  if (typeof v === 'string') return v
  if (Array.isArray(v)) return v.find((x): x is string => typeof x === 'string')
  return undefined
}

/** Raw answers and shown values for the questions of one screen. */
export function answersFromForm(questions: Question[], form: FormBody) {
  const raw: Record<string, unknown> = {}
  const shown: Record<string, FieldValue> = {}
  for (const q of questions) {
    const v = form[q.code]
    switch (q.type) {
      case 'multiple': {
        const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
          (x): x is string => typeof x === 'string',
        )
        raw[q.code] = list
        shown[q.code] = list
        break
      }
      case 'smileys': {
        const value = str(v)
        const [mood, reason] = (str(form[`${q.code}--reden`]) ?? '').split(':')
        const chosenReason = value && mood === value ? reason : undefined
        raw[q.code] = value ? { value, reason: chosenReason } : undefined
        shown[q.code] = { value, reason: chosenReason }
        break
      }
      case 'single': {
        const value = str(v)
        const other = str(form[`${q.code}--anders`])
        raw[q.code] = value === 'other' ? { value, other } : value
        shown[q.code] = { value, other }
        break
      }
      case 'consent': {
        // The marker says the statement was on the page: an unticked box is then a "no".
        if (str(form[`${q.code}--gevraagd`]) === undefined) break
        raw[q.code] = str(v) === 'yes' ? 'yes' : 'no'
        shown[q.code] = str(v) === 'yes' ? 'yes' : undefined
        break
      }
      default: {
        const value = str(v)
        raw[q.code] = value
        shown[q.code] = value
      }
    }
  }
  return { raw, shown }
}

/** Values to show for stored answer rows (continuing a response or going back). */
export function shownFromRows(q: Question, rows: StoredAnswer[]): FieldValue {
  const r = rows[0]
  if (!r) return undefined
  switch (q.type) {
    case 'multiple':
      return rows.map((x) => x.option_code ?? '')
    case 'smileys':
      return { value: r.option_code ?? undefined, reason: r.detail_code ?? undefined }
    case 'single':
      return { value: r.option_code ?? undefined, other: r.text_value ?? undefined }
    case 'open':
      return r.text_value ?? undefined
    case 'date':
      return r.date_value ? dutchDate(r.date_value) : undefined
    case 'yes_no':
    case 'consent':
      return r.option_code ?? undefined
    case 'agreement':
      return r.option_code === 'dont_know' ? 'dont_know' : String(r.numeric_value)
    default:
      return r.numeric_value === null ? undefined : String(r.numeric_value)
  }
}
