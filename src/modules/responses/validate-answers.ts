/**
 * Pure validation of submitted answers against a survey's questions. Every problem is reported at once,
 * in B1 Dutch for the response page and in English for the API.
 *
 * Rules: a grade is a whole number 1–10; an agreement answer is 1–5 or "dont_know" (stored as an option
 * without a number, so it never enters a mean); an open answer is trimmed, stripped of control
 * characters and at most `maxLength` characters. Required questions must be answered.
 */
import type { PublicQuestion } from '../surveys/load-public-survey.ts'

/** One typed answer, ready for the answer table. */
export interface AnswerValue {
  questionId: string
  numericValue: number | null
  optionCode: string | null
  textValue: string | null
}

/** A validation problem with texts for both audiences. */
export interface AnswerError {
  field: string
  nl: string
  en: string
}

/** Validates raw answers (from a form or JSON) keyed by question code. */
export function validateAnswers(
  questions: PublicQuestion[],
  raw: Record<string, unknown>,
  options: { rejectUnknown: boolean },
): { values: AnswerValue[]; errors: AnswerError[] } {
  const values: AnswerValue[] = []
  const errors: AnswerError[] = []
  const known = new Set(questions.map((q) => q.code))
  if (options.rejectUnknown) {
    for (const key of Object.keys(raw)) {
      if (!known.has(key))
        errors.push({ field: key, nl: 'Deze vraag bestaat niet.', en: 'unknown question code' })
    }
  }
  for (const q of questions) {
    const v = raw[q.code]
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
    if (empty) {
      if (q.required)
        errors.push({
          field: q.code,
          nl: `Geef antwoord op de vraag: ${q.text}`,
          en: 'an answer is required',
        })
      continue
    }
    const result = validateOne(q, v)
    if ('error' in result) errors.push({ field: q.code, ...result.error })
    else values.push({ questionId: q.id, ...result.value })
  }
  return { values, errors }
}

type One = { value: Omit<AnswerValue, 'questionId'> } | { error: { nl: string; en: string } }

function validateOne(q: PublicQuestion, v: unknown): One {
  switch (q.kind) {
    case 'grade': {
      const n =
        typeof v === 'number'
          ? v
          : typeof v === 'string' && /^\s*\d{1,2}\s*$/.test(v)
            ? Number(v)
            : Number.NaN
      if (!Number.isInteger(n) || n < 1 || n > 10) {
        return {
          error: {
            nl: `Kies een cijfer van 1 tot en met 10 bij: ${q.text}`,
            en: 'must be a whole number from 1 to 10',
          },
        }
      }
      return { value: { numericValue: n, optionCode: null, textValue: null } }
    }
    case 'agreement': {
      if (v === 'dont_know')
        return { value: { numericValue: null, optionCode: 'dont_know', textValue: null } }
      const n =
        typeof v === 'number' ? v : typeof v === 'string' && /^\s*[1-5]\s*$/.test(v) ? Number(v) : Number.NaN
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        return {
          error: {
            nl: `Kies een van de antwoorden bij: ${q.text}`,
            en: 'must be a whole number from 1 to 5 or "dont_know"',
          },
        }
      }
      return { value: { numericValue: n, optionCode: null, textValue: null } }
    }
    case 'open': {
      if (typeof v !== 'string')
        return { error: { nl: `Uw antwoord bij "${q.text}" is geen tekst.`, en: 'must be a string' } }
      // Control characters (except newline and tab) carry no meaning in an answer and can break exports.
      const text = v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim()
      const max = q.maxLength ?? 2000
      if ([...text].length > max) {
        return {
          error: {
            nl: `Uw antwoord bij "${q.text}" is te lang. Gebruik maximaal ${max} tekens.`,
            en: `must be at most ${max} characters`,
          },
        }
      }
      return { value: { numericValue: null, optionCode: null, textValue: text } }
    }
  }
}
