/**
 * The "Toon deze vraag alleen als …" part of the editor form (pure), and the smiley reasons.
 *
 * Fields of question `q<i>`: `q<i>-if-mode` (`all` | `any`), and per condition row k
 * `q<i>-if<k>-question`, `q<i>-if<k>-op`, `q<i>-if<k>-value`. The page always shows one empty row more
 * than there are conditions (the no-JavaScript way to add one: fill it in and save); a row without a
 * question is no condition. The button `_action=if-remove:<i>:<k>` removes row k. Without the mode field
 * in the form (an older form, the API) the question keeps its conditions as they were.
 *
 * Values are typed the way staff read them and stored the way logic compares them: "ja"/"nee" for
 * yes/no, "niet tevreden"/"neutraal"/"tevreden" for smileys, "weet ik niet", an option's code or its
 * Dutch text, numbers for scales; "is een van" and "is geen van" take a list separated by commas.
 */
import type { Condition, Question, SurveyDefinition } from '../definition/schema.ts'

type Form = Record<string, string>
type Op = Condition['op']
type Value = Condition['value']

/** Operators with their Dutch (B1) names, in the order the select shows them. */
export const OPERATORS: { op: Op; name: string }[] = [
  { op: 'equals', name: 'is' },
  { op: 'not_equals', name: 'is niet' },
  { op: 'in', name: 'is een van' },
  { op: 'not_in', name: 'is geen van' },
  { op: 'lte', name: 'is niet hoger dan' },
  { op: 'gte', name: 'is niet lager dan' },
  { op: 'answered', name: 'is beantwoord' },
  { op: 'not_answered', name: 'is niet beantwoord' },
]

/** The three smileys with the Dutch names the public page shows. */
export const SMILEYS = [
  { mood: 'negative', name: 'niet tevreden' },
  { mood: 'neutral', name: 'neutraal' },
  { mood: 'positive', name: 'tevreden' },
] as const

const LIST_OPS: Op[] = ['in', 'not_in']
const NO_VALUE_OPS: Op[] = ['answered', 'not_answered']

/** The conditions of a question and whether all or any must hold. */
export function conditionsOf(q: Question): { mode: 'all' | 'any'; conditions: Condition[] } {
  if (!q.visibleIf) return { mode: 'all', conditions: [] }
  return 'all' in q.visibleIf
    ? { mode: 'all', conditions: q.visibleIf.all }
    : { mode: 'any', conditions: q.visibleIf.any }
}

/** One typed word → the value logic compares, for the question (or hidden field) the condition is on. */
function token(target: Question | undefined, word: string, op: Op): string | number | boolean {
  const w = word.trim()
  const lower = w.toLowerCase()
  const numeric = /^-?\d+(?:[.,]\d+)?$/.test(w) ? Number(w.replace(',', '.')) : null
  switch (target?.type) {
    case 'grade':
    case 'ces':
    case 'nps':
      return numeric ?? w
    case 'agreement':
      return numeric ?? (['weet ik niet', 'dont_know'].includes(lower) ? 'dont_know' : w)
    case 'smileys':
      return SMILEYS.find((s) => s.name === lower || s.mood === lower)?.mood ?? w
    case 'single':
    case 'multiple': {
      if (target.type === 'single' && target.other && ['anders', 'other'].includes(lower)) return 'other'
      const option = target.options.find((o) => o.code === w || o.text.nl.toLowerCase() === lower)
      return option?.code ?? w
    }
    case 'yes_no':
    case 'consent':
      if (['ja', 'yes', 'true'].includes(lower)) return true
      if (['nee', 'no', 'false'].includes(lower)) return false
      return w
    default:
      return numeric !== null && (op === 'lte' || op === 'gte') ? numeric : w
  }
}

/** The text of the value field for a value, the inverse of what `parseConditionValue` reads. */
export function formatConditionValue(target: Question | undefined, value: Value): string {
  if (value === undefined) return ''
  const one = (v: string | number | boolean) => {
    if (typeof v === 'boolean') return v ? 'ja' : 'nee'
    if (target?.type === 'smileys') return SMILEYS.find((s) => s.mood === v)?.name ?? String(v)
    if (v === 'dont_know' && target?.type === 'agreement') return 'weet ik niet'
    if (v === 'other' && target?.type === 'single') return 'anders'
    return String(v)
  }
  return Array.isArray(value) ? value.map(one).join(', ') : one(value)
}

/** Reads the value field of a condition; undefined when the operator needs none or nothing was typed. */
export function parseConditionValue(target: Question | undefined, op: Op, text: string): Value {
  if (NO_VALUE_OPS.includes(op)) return undefined
  const words = (LIST_OPS.includes(op) ? text.split(/[,;\n]/) : [text]).map((w) => w.trim()).filter(Boolean)
  if (words.length === 0) return undefined
  const values = words.map((w) => token(target, w, op))
  // A list may hold strings and numbers only (schema); a yes/no list is an error the check reports.
  return LIST_OPS.includes(op) ? (values as (string | number)[]) : values[0]
}

/** Plain-language hint of the values a condition on this question can use. */
export function possibleValuesHint(target: Question | undefined): string {
  switch (target?.type) {
    case 'grade':
      return 'Een cijfer van 1 tot en met 10.'
    case 'ces':
      return 'Een getal van 1 (heel moeilijk) tot en met 7 (heel makkelijk).'
    case 'nps':
      return 'Een getal van 0 tot en met 10.'
    case 'agreement':
      return `Een getal van 1 (helemaal oneens) tot en met 5 (helemaal eens)${target.dontKnow ? ', of: weet ik niet' : ''}.`
    case 'smileys':
      return 'niet tevreden, neutraal of tevreden.'
    case 'single':
    case 'multiple':
      return `Een van deze antwoorden: ${target.options.map((o) => `${o.code} (${o.text.nl})`).join(', ')}${target.type === 'single' && target.other ? ', anders' : ''}.`
    case 'yes_no':
    case 'consent':
      return 'ja of nee.'
    case undefined:
      return 'De waarde uit de link of de uitnodiging, bijvoorbeeld balie.'
    default:
      return 'Een tekst.'
  }
}

/** Every question of a definition in order, as the editor numbers them (q0, q1, …). */
export function allQuestions(def: SurveyDefinition): Question[] {
  return def.pages.flatMap((p) => p.questions)
}

/**
 * The question's `visibleIf` after the form: the rows with a question become conditions, in order.
 * `questions` are the questions before the edit (to type values); `action` may remove a row.
 */
export function conditionsFromForm(
  q: Question,
  i: number,
  form: Form,
  questions: Question[],
): Question['visibleIf'] | 'unchanged' {
  const p = `q${i}`
  const mode = form[`${p}-if-mode`]
  if (mode === undefined) return 'unchanged'
  const removed = /^if-remove:(\d+):(\d+)$/.exec(form._action ?? '')
  const rows = conditionsOf(q).conditions.length + 1
  const conditions: Condition[] = []
  for (let k = 0; k < rows; k++) {
    const code = (form[`${p}-if${k}-question`] ?? '').trim()
    if (!code || (removed && Number(removed[1]) === i && Number(removed[2]) === k)) continue
    const op = (OPERATORS.find((o) => o.op === form[`${p}-if${k}-op`])?.op ?? 'equals') as Op
    const target = questions.find((x) => x.code === code)
    const value = parseConditionValue(target, op, form[`${p}-if${k}-value`] ?? '')
    conditions.push({ question: code, op, ...(value === undefined ? {} : { value }) })
  }
  if (conditions.length === 0) return undefined
  return mode === 'any' ? { any: conditions } : { all: conditions }
}

/** The reasons of one smiley as editor lines (`code = tekst`). */
export function reasonLines(q: Question, mood: (typeof SMILEYS)[number]['mood']): string {
  if (q.type !== 'smileys') return ''
  return (q.reasons?.[mood] ?? []).map((o) => `${o.code} = ${o.text.nl}`).join('\n')
}
