/**
 * Show/hide logic of a survey definition. Rules: questions are evaluated in order; a condition looks at
 * the answer of an earlier question or a hidden field; an answer to a question that is itself hidden
 * counts as not given (so hiding cascades); `in`/`not_in` on a multiple-choice answer test whether any
 * chosen option is in the list; `lte`/`gte` compare numbers only.
 */
import type { Condition, SurveyDefinition } from './schema.ts'

/** An answer as logic sees it. */
export type AnswerValue = string | number | boolean | string[] | null | undefined

function holds(c: Condition, value: AnswerValue): boolean {
  const answered =
    value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
  switch (c.op) {
    case 'answered':
      return answered
    case 'not_answered':
      return !answered
    case 'equals':
      return answered && (Array.isArray(value) ? value.includes(String(c.value)) : value === c.value)
    case 'not_equals':
      return !answered || (Array.isArray(value) ? !value.includes(String(c.value)) : value !== c.value)
    case 'in':
    case 'not_in': {
      const list = (Array.isArray(c.value) ? c.value : [c.value]) as (string | number)[]
      const hit =
        answered &&
        (Array.isArray(value) ? value.some((v) => list.includes(v)) : list.includes(value as string | number))
      return c.op === 'in' ? hit : !hit
    }
    case 'lte':
      return typeof value === 'number' && typeof c.value === 'number' && value <= c.value
    case 'gte':
      return typeof value === 'number' && typeof c.value === 'number' && value >= c.value
  }
}

/** The codes of the questions that are shown, given the answers so far and the hidden-field values. */
export function visibleQuestions(def: SurveyDefinition, answers: Record<string, AnswerValue>): Set<string> {
  const visible = new Set<string>()
  const hidden = new Set(def.hidden.map((h) => h.code))
  const effective = (code: string): AnswerValue =>
    hidden.has(code) || visible.has(code) ? answers[code] : undefined
  for (const page of def.pages) {
    for (const q of page.questions) {
      const rule = q.visibleIf
      const show = !rule
        ? true
        : 'all' in rule
          ? rule.all.every((c) => holds(c, effective(c.question)))
          : rule.any.some((c) => holds(c, effective(c.question)))
      if (show) visible.add(q.code)
    }
  }
  return visible
}
