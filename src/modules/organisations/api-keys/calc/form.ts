/**
 * Checks the form "Nieuwe API-sleutel" without I/O: a name (1–100 characters, so staff can tell keys
 * apart), at least one known scope, and an optional last day on which the key works (today or later, at
 * most five years ahead, so a typo does not make a key that never expires in practice). All problems are
 * returned at once, with the form field they belong to and a Dutch B1 message.
 */
import { addDays } from '../../../../platform/calendar/index.ts'
import { isScope, SCOPES, type Scope } from '../scopes.ts'

/** The form as posted: `rechten` may repeat. */
export interface ApiKeyForm {
  naam: string
  rechten: string[]
  verloopt: string
}

/** A valid form: the last day is a local date (YYYY-MM-DD) in Europe/Amsterdam, or null. */
export interface ApiKeyInput {
  name: string
  scopes: Scope[]
  lastDay: string | null
}

export type FormResult =
  | { ok: true; input: ApiKeyInput }
  | { ok: false; errors: { field: string; message: string }[] }

const MAX_YEARS = 5

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** Validates the form; `today` is the local date in Europe/Amsterdam (YYYY-MM-DD). */
export function validateApiKeyForm(form: ApiKeyForm, today: string): FormResult {
  const errors: { field: string; message: string }[] = []
  // Control characters would make the list and the audit trail unreadable.
  const name = form.naam.replace(/\s+/g, ' ').trim()
  if (name === '') errors.push({ field: 'naam', message: 'Geef de sleutel een naam.' })
  else if (name.length > 100) errors.push({ field: 'naam', message: 'Gebruik hoogstens 100 tekens.' })
  else if (/\p{Cc}/u.test(name)) errors.push({ field: 'naam', message: 'Gebruik alleen gewone tekens.' })

  const chosen = [...new Set(form.rechten)]
  if (chosen.length === 0 || !chosen.every(isScope))
    errors.push({ field: 'rechten', message: 'Kies wat de sleutel mag doen.' })

  const lastDay = form.verloopt.trim()
  if (lastDay !== '') {
    const limit = addDays(today, MAX_YEARS * 365)
    if (!isCalendarDate(lastDay))
      errors.push({ field: 'verloopt', message: 'Vul een datum in, bijvoorbeeld 31-12-2027.' })
    else if (lastDay < today)
      errors.push({ field: 'verloopt', message: 'Kies vandaag of een datum in de toekomst.' })
    else if (lastDay > limit)
      errors.push({ field: 'verloopt', message: `Kies een datum binnen ${MAX_YEARS} jaar.` })
  }

  if (errors.length > 0) return { ok: false, errors }
  // Scopes in the fixed order of SCOPES, so the list always reads the same way.
  const scopes = SCOPES.filter((s) => chosen.includes(s))
  return { ok: true, input: { name, scopes, lastDay: lastDay === '' ? null : lastDay } }
}
