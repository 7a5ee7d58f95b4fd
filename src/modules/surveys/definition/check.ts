/**
 * Parses a survey definition and checks the rules a schema cannot express, reporting every problem at
 * once with a JSON path: unique codes, conditions that refer to an EARLIER question with a value that
 * question can give, option codes unique per question, one consent per purpose, date bounds in order,
 * and (as warnings) texts missing in an offered language.
 */
import type { InvalidParam } from '../../../platform/errors.ts'
import { invalidParamsFromZod } from '../../../platform/errors.ts'
import { type Condition, type Question, SurveyDefinition } from './schema.ts'

/** Outcome of checking a definition. */
export type CheckResult =
  | { ok: true; definition: SurveyDefinition; warnings: InvalidParam[] }
  | { ok: false; errors: InvalidParam[]; warnings: InvalidParam[] }

/** Values a question can produce, for checking conditions; null when any value is possible. */
function possibleValues(q: Question): (string | number | boolean)[] | null {
  switch (q.type) {
    case 'grade':
      return range(1, 10)
    case 'agreement':
      return [...range(1, 5), ...(q.dontKnow ? ['dont_know'] : [])]
    case 'ces':
      return range(1, 7)
    case 'nps':
      return range(0, 10)
    case 'smileys':
      return ['negative', 'neutral', 'positive']
    case 'single':
    case 'multiple':
      return [...q.options.map((o) => o.code), ...(q.type === 'single' && q.other ? ['other'] : [])]
    case 'yes_no':
    case 'consent':
      return [true, false]
    default:
      return null
  }
}

function range(from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

/** Checks a definition (unknown input, for example an uploaded file). */
export function checkDefinition(input: unknown): CheckResult {
  const parsed = SurveyDefinition.safeParse(input)
  if (!parsed.success) return { ok: false, errors: invalidParamsFromZod(parsed.error.issues), warnings: [] }
  const def = parsed.data
  const errors: InvalidParam[] = []
  const warnings: InvalidParam[] = []
  const seen = new Map<string, Question>()
  const hidden = new Set(def.hidden.map((h) => h.code))
  const consentPurposes = new Set<string>()
  if (!def.languages.includes('nl'))
    errors.push({ name: 'languages', reason: 'Dutch (nl) must be one of the languages' })
  for (const h of def.hidden) {
    if ([...def.hidden].filter((x) => x.code === h.code).length > 1)
      errors.push({ name: `hidden.${h.code}`, reason: 'duplicate hidden field code' })
  }
  def.pages.forEach((page, p) => {
    page.questions.forEach((q, i) => {
      const path = `pages.${p}.questions.${i}`
      if (seen.has(q.code) || hidden.has(q.code))
        errors.push({ name: `${path}.code`, reason: `code ${q.code} is used twice` })
      if ('options' in q) {
        const codes = q.options.map((o) => o.code)
        if (new Set(codes).size !== codes.length)
          errors.push({ name: `${path}.options`, reason: 'option codes must be unique' })
        if (q.type === 'multiple' && q.maxChoices && q.maxChoices > q.options.length) {
          errors.push({
            name: `${path}.maxChoices`,
            reason: 'maxChoices is larger than the number of options',
          })
        }
      }
      if (q.type === 'consent') {
        if (consentPurposes.has(q.purpose))
          errors.push({ name: `${path}.purpose`, reason: `a consent for ${q.purpose} is asked twice` })
        consentPurposes.add(q.purpose)
      }
      if (q.type === 'date' && q.min && q.max && q.min > q.max)
        errors.push({ name: `${path}.min`, reason: 'min is after max' })
      const conditions = q.visibleIf ? ('all' in q.visibleIf ? q.visibleIf.all : q.visibleIf.any) : []
      conditions.forEach((c, k) => checkCondition(c, seen, hidden, `${path}.visibleIf.${k}`, errors))
      for (const lang of def.languages) {
        if (lang !== 'nl' && !(lang in q.text))
          warnings.push({ name: `${path}.text.${lang}`, reason: `no ${lang} text; Dutch is shown` })
      }
      if (!seen.has(q.code)) seen.set(q.code, q)
    })
  })
  return errors.length ? { ok: false, errors, warnings } : { ok: true, definition: def, warnings }
}

function checkCondition(
  c: Condition,
  earlier: Map<string, Question>,
  hidden: Set<string>,
  path: string,
  errors: InvalidParam[],
) {
  if (hidden.has(c.question)) return
  const target = earlier.get(c.question)
  if (!target) {
    errors.push({
      name: `${path}.question`,
      reason: `condition refers to ${c.question}, which is not an earlier question`,
    })
    return
  }
  const needsValue = !['answered', 'not_answered'].includes(c.op)
  if (needsValue && c.value === undefined) {
    errors.push({ name: `${path}.value`, reason: `operator ${c.op} needs a value` })
    return
  }
  if (['lte', 'gte'].includes(c.op) && typeof c.value !== 'number') {
    errors.push({ name: `${path}.value`, reason: `operator ${c.op} needs a number` })
    return
  }
  const possible = possibleValues(target)
  if (!possible || !needsValue) return
  const values = Array.isArray(c.value) ? c.value : [c.value]
  for (const v of values) {
    if (v !== undefined && !possible.includes(v as never)) {
      errors.push({
        name: `${path}.value`,
        reason: `${JSON.stringify(v)} is not an answer ${c.question} can have`,
      })
    }
  }
}
