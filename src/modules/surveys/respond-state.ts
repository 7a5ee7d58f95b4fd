/**
 * Pure helpers of the public response flow (respond-routes.tsx): error texts in the person's language,
 * hidden-field values carried from the link through the first post, and what logic sees of stored
 * answers and hidden fields.
 */
import { type MessageKey, t } from '../../platform/i18n/index.ts'
import type { PartialResponse } from '../responses/index.ts'
import { type AnswerError, logicFromRows, textIn } from './definition/answers.ts'
import type { AnswerValue as LogicValue } from './definition/logic.ts'
import type { Screen } from './definition/screens.ts'
import type { FormBody } from './form-values.ts'
import type { PublicSurvey } from './load-public-survey.ts'

export const HIDDEN_VALUE = /^[\p{L}\p{N} ._/:-]{1,200}$/u

/** Error texts for the person, in their language (Dutch has the detailed rule texts). */
export function personMessages(survey: PublicSurvey, errors: AnswerError[], lang: string) {
  return errors.map((e) => {
    const q = survey.questions.find((x) => x.code === e.field)
    if (lang === 'nl' || !q) return { field: e.field, message: e.nl }
    const key: MessageKey = e.kind === 'required' ? 'errors.required' : 'errors.invalid'
    return { field: e.field, message: t(lang, key, { question: textIn(q.text, lang) }) }
  })
}

/** Hidden-field values from the link's query parameters, as `_h_<code>` form fields. */
export function carryFromQuery(survey: PublicSurvey, query: Record<string, string>) {
  const carry: Record<string, string> = {}
  for (const h of survey.definition.hidden) {
    const v = h.queryParam ? query[h.queryParam] : undefined
    if (v && HIDDEN_VALUE.test(v)) carry[`_h_${h.code}`] = v
  }
  return carry
}

export function hiddenFromForm(survey: PublicSurvey, form: FormBody) {
  const hidden: Record<string, string> = {}
  for (const h of survey.definition.hidden) {
    const v = form[`_h_${h.code}`]
    if (typeof v === 'string' && HIDDEN_VALUE.test(v)) hidden[h.code] = v
  }
  return hidden
}

/** Logic values of stored answers, except those of `skip` (the screen being answered again). */
export function storedLogic(survey: PublicSurvey, partial: PartialResponse, skip: Set<string> = new Set()) {
  const logic: Record<string, LogicValue> = { ...partial.hidden }
  for (const q of survey.questions) {
    const rows = partial.rows.get(q.code)
    if (rows && !skip.has(q.code)) logic[q.code] = logicFromRows(q, rows)
  }
  return logic
}

/** A screen is the last when no later screen has a question that is, or could become, visible. */
export function isLastScreen(screens: Screen[], index: number, visible: Set<string>) {
  return !screens.slice(index + 1).some((s) => s.questions.some((q) => visible.has(q.code) || q.visibleIf))
}

/** Hidden-field values as logic sees them (from `_h_<code>` carry fields). */
export function hiddenLogic(survey: PublicSurvey, carry: Record<string, string>): Record<string, LogicValue> {
  const logic: Record<string, LogicValue> = {}
  for (const h of survey.definition.hidden) {
    const v = carry[`_h_${h.code}`]
    if (v !== undefined) logic[h.code] = v
  }
  return logic
}

/** Codes of questions that logic now hides: answers given to them earlier no longer count. */
export function laterHidden(survey: PublicSurvey, visible: Set<string>) {
  return survey.questions.filter((q) => !visible.has(q.code)).map((q) => q.code)
}
