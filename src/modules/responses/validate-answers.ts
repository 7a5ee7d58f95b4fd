/**
 * Pure validation of submitted answers against a published survey version. Every problem is reported
 * at once, in B1 Dutch for the response page and in English for the API.
 *
 * Rules: each answer follows its type's rule (surveys/definition/answers.ts); a question that logic
 * hides (given the answers so far and the hidden fields) is neither required nor stored, so a page
 * cannot smuggle in answers to questions the person never saw; required visible questions must be
 * answered. `scope` limits the check to the questions of one screen of a multi-page survey; `earlier`
 * holds what logic sees of the answers stored for previous screens.
 */
import {
  type AnswerError,
  type AnswerRow,
  type ConsentRecord,
  isEmpty,
  parseAnswer,
  textIn,
} from '../surveys/definition/answers.ts'
import { type AnswerValue as LogicValue, visibleQuestions } from '../surveys/definition/logic.ts'
import type { PublicSurvey } from '../surveys/load-public-survey.ts'

export type { AnswerError, AnswerRow as AnswerValue }

/** Options of a validation. */
export interface ValidateOptions {
  /** API clients get unknown question codes refused; the form ignores unknown fields. */
  rejectUnknown: boolean
  /** Language of the page (texts in errors and the consent statement as shown). */
  lang?: string
  /** Only these question codes are checked (one screen); default all. */
  scope?: ReadonlySet<string>
  /** Logic values of answers stored earlier and of hidden fields, by code. */
  earlier?: Record<string, LogicValue>
}

/** The outcome: rows to store, consents, errors, and the codes of the questions now visible. */
export interface Validated {
  values: AnswerRow[]
  consents: ConsentRecord[]
  errors: AnswerError[]
  visible: Set<string>
  /** Codes in scope that logic hides: their earlier answers must be removed. */
  hiddenInScope: string[]
  /** What logic sees of the valid answers in scope. */
  logic: Record<string, LogicValue>
}

/** Validates raw answers (from a form or JSON) keyed by question code. */
export function validateAnswers(
  survey: PublicSurvey,
  raw: Record<string, unknown>,
  options: ValidateOptions,
): Validated {
  const lang = options.lang ?? 'nl'
  const errors: AnswerError[] = []
  const inScope = (code: string) => !options.scope || options.scope.has(code)
  if (options.rejectUnknown) {
    for (const key of Object.keys(raw)) {
      if (!survey.questionIds.has(key))
        errors.push({ field: key, nl: 'Deze vraag bestaat niet.', en: 'unknown question code' })
    }
  }
  const parsed = new Map<string, ReturnType<typeof parseAnswer>>()
  const logic: Record<string, LogicValue> = { ...options.earlier }
  for (const q of survey.questions) {
    if (!inScope(q.code)) continue
    delete logic[q.code]
    const v = raw[q.code]
    if (isEmpty(v)) continue
    const p = parseAnswer(q, v, lang)
    parsed.set(q.code, p)
    if (!('error' in p)) logic[q.code] = p.logic
  }
  const visible = visibleQuestions(survey.definition, logic)
  const scoped: Record<string, LogicValue> = {}
  for (const code of parsed.keys()) if (code in logic) scoped[code] = logic[code]
  const values: AnswerRow[] = []
  const consents: ConsentRecord[] = []
  const hiddenInScope: string[] = []
  for (const q of survey.questions) {
    if (!inScope(q.code)) continue
    if (!visible.has(q.code)) {
      hiddenInScope.push(q.code)
      continue
    }
    const p = parsed.get(q.code)
    if (!p) {
      if (q.required)
        errors.push({
          field: q.code,
          nl: `Geef antwoord op de vraag: ${textIn(q.text, 'nl')}`,
          en: 'an answer is required',
          kind: 'required',
        })
      continue
    }
    if ('error' in p) {
      errors.push({ field: q.code, ...p.error, kind: 'invalid' })
      continue
    }
    const questionId = survey.questionIds.get(q.code) as string
    for (const r of p.rows) values.push({ questionId, ...r })
    if (p.consent) consents.push({ ...p.consent, language: lang })
  }
  return { values, consents, errors, visible, hiddenInScope, logic: scoped }
}
