/**
 * Turns parsed show-if terms into Klankbord conditions. A term may only refer to a question imported
 * EARLIER (Klankbord's rule), and its value must be one that question can give, so source answer values
 * go through the value map of the target (source choice value → option code, scale label → number, …).
 */
import type { Condition, QuestionType } from '../definition/schema.ts'
import type { Literal, RawCondition, RawTerm } from './expression.ts'

export type TargetValue = string | number | boolean

/** An earlier imported question that conditions may refer to by its source name. */
export interface Target {
  code: string
  type: QuestionType
  /** Source answer value (as text) → Klankbord answer value. */
  values?: Map<string, TargetValue>
  /** A LimeSurvey multiple-choice option variable (Q2_SQ001): the option code it stands for. */
  flag?: string
}

export type TranslatedVisibleIf = { all: Condition[] } | { any: Condition[] }

/** Number ranges of the numeric question types (as in definition/check.ts). */
const RANGE: Partial<Record<QuestionType, [number, number]>> = {
  grade: [1, 10],
  nps: [0, 10],
  ces: [1, 7],
  agreement: [1, 5],
}

class Fail extends Error {}

function asNumber(v: Literal): number | undefined {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v)
  return undefined
}

function mapValue(target: Target, variable: string, v: Literal): TargetValue {
  const mapped = target.values?.get(String(v))
  if (mapped !== undefined) return mapped
  const range = RANGE[target.type]
  const n = asNumber(v)
  if (range && n !== undefined && Number.isInteger(n) && n >= range[0] && n <= range[1]) return n
  if (target.type === 'yes_no' && (v === true || v === false)) return v
  if (target.type === 'open' || target.type === 'date') return String(v)
  throw new Fail(`${JSON.stringify(v)} is not an answer ${variable} can have`)
}

function compare(target: Target, variable: string, op: RawTerm['op'], v: Literal): Condition {
  const question = target.code
  const n = asNumber(v)
  if (n === undefined)
    throw new Fail(`${variable} is compared with ${JSON.stringify(v)}, which is not a number`)
  // Klankbord has only <= and >=; answers are whole numbers, so < n is <= ceil(n) - 1, and so on.
  const bound =
    op === 'lt'
      ? Math.ceil(n) - 1
      : op === 'le'
        ? Math.floor(n)
        : op === 'gt'
          ? Math.floor(n) + 1
          : Math.ceil(n)
  const upper = op === 'lt' || op === 'le'
  const range = RANGE[target.type]
  if (range) {
    if (bound < range[0] || bound > range[1])
      throw new Fail(`the comparison with ${v} is always or never true`)
    return { question, op: upper ? 'lte' : 'gte', value: bound }
  }
  // A choice question with numeric choice values (1 = slecht … 5 = goed): list the codes that qualify.
  if ((target.type === 'single' || target.type === 'multiple') && target.values) {
    const codes: string[] = []
    for (const [source, code] of target.values) {
      const s = asNumber(source)
      if (s !== undefined && typeof code === 'string' && (upper ? s <= bound : s >= bound)) codes.push(code)
    }
    if (codes.length) return { question, op: 'in', value: codes }
  }
  throw new Fail(`${variable} is not a numeric question, so it cannot be compared with < or >`)
}

function flagTerm(target: Target, t: RawTerm): Condition {
  const question = target.code
  const flag = target.flag as string
  const chosen = t.op === 'notempty' || (t.op === 'eq' && t.value === 'Y')
  const notChosen = t.op === 'empty' || (t.op === 'ne' && t.value === 'Y')
  if (chosen) return { question, op: 'in', value: [flag] }
  if (notChosen) return { question, op: 'not_in', value: [flag] }
  throw new Fail(`the option ${t.variable} can only be tested for "Y" or empty`)
}

function term(t: RawTerm, targets: Map<string, Target>): Condition {
  const target = targets.get(t.variable)
  if (!target) throw new Fail(`it refers to ${t.variable}, which is not an earlier imported question`)
  if (target.flag) return flagTerm(target, t)
  const question = target.code
  const many = target.type === 'multiple'
  switch (t.op) {
    case 'empty':
      return { question, op: 'not_answered' }
    case 'notempty':
      return { question, op: 'answered' }
    case 'eq':
    case 'ne': {
      const v = mapValue(target, t.variable, t.value as Literal)
      if (many) return { question, op: t.op === 'eq' ? 'in' : 'not_in', value: [v as string] }
      return { question, op: t.op === 'eq' ? 'equals' : 'not_equals', value: v }
    }
    case 'anyof':
    case 'noneof': {
      const values = (t.value as Literal[]).map((v) => mapValue(target, t.variable, v))
      if (values.some((v) => typeof v === 'boolean'))
        throw new Fail(`a list of yes/no values for ${t.variable}`)
      return { question, op: t.op === 'anyof' ? 'in' : 'not_in', value: values as (string | number)[] }
    }
    default:
      return compare(target, t.variable, t.op, t.value as Literal)
  }
}

/**
 * Translates parsed terms into a Klankbord `visibleIf`, or returns `{ error }` saying why it cannot.
 * `targets` must hold only questions that come before the question being translated.
 */
export function translateCondition(
  raw: RawCondition,
  targets: Map<string, Target>,
): { visibleIf: TranslatedVisibleIf } | { error: string } {
  try {
    const conditions = raw.terms.map((t) => term(t, targets))
    return { visibleIf: raw.join === 'or' ? { any: conditions } : { all: conditions } }
  } catch (e) {
    if (e instanceof Fail) return { error: e.message }
    throw e
  }
}
