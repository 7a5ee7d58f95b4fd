/**
 * Converts one SurveyJS question element into Klankbord questions (a matrix gives one per row), or
 * reports why it cannot be imported. Rules: rating 1–10 → grade, 0–10 → nps, 1–7 → ces, 1–5 → agreement,
 * 1–3 → smileys; radiogroup/dropdown → single; checkbox/tagbox → multiple; boolean → yes_no;
 * comment/text → open (text with inputType date → date); a matrix with a 5-point column scale → one
 * agreement statement per row. Everything that collects no answer, or an answer Klankbord cannot store,
 * is skipped with a reason.
 */
import type { Text } from '../definition/schema.ts'
import type { Collector, QuestionBody } from './collector.ts'
import type { TargetValue } from './conditions.ts'
import { andExpressions } from './expression.ts'
import { plainText, toCode } from './sanitise.ts'
import { recogniseScale, type ScalePoint, scaleChange } from './scale.ts'
import { nameText, type TextMaker } from './texts.ts'

type Json = Record<string, unknown>

/** What the element converters need from the survey-level importer. */
export interface SjsContext {
  collector: Collector
  texts: TextMaker
  /** A localisable string as raw texts keyed by language. */
  loc(value: unknown): Record<string, string>
  /** A localisable string as a Klankbord text, or the fallback (a name) when it is empty. */
  text(value: unknown, fallback?: string): Text | undefined
}

const SKIP_REASONS: Record<string, string> = {
  html: 'an HTML block holds no question; its content is not imported',
  expression: 'a calculated expression asks nothing of the respondent',
  image: 'an image holds no question',
  file: 'file uploads are not supported',
  signaturepad: 'signatures are not supported',
  ranking: 'ranking questions are not supported',
  imagepicker: 'choosing between images is not supported',
  multipletext: 'several text boxes in one question are not supported',
  matrixdropdown: 'matrices with dropdowns per cell are not supported',
  matrixdynamic: 'matrices with rows the respondent adds are not supported',
  paneldynamic: 'panels the respondent repeats are not supported',
  slider: 'sliders are not supported',
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** Converts one (non-panel) element; `condition` already includes the conditions of its panels. */
export function convertElement(ctx: SjsContext, el: Json, name: string, condition?: string): void {
  const type = typeof el.type === 'string' ? el.type : 'unknown'
  // An HTML block has no title; its content says more in the report than its name.
  const fallback = type === 'html' && typeof el.html === 'string' ? plainText(el.html) || name : name
  const text = ctx.text(el.title, fallback) ?? nameText(name)
  const help = ctx.text(el.description)
  const common: string[] = []
  if (typeof el.requiredIf === 'string' && el.requiredIf.trim())
    common.push('its required-if rule was dropped')
  const base = { text, required: el.isRequired === true, ...(help && { help }) }
  const skip = (reason: string) => ctx.collector.skip(name, type, text.nl, reason)
  const add: Add = (body, changes = [], values) => {
    ctx.collector.add({
      source: name,
      sourceType: type,
      title: text.nl,
      codeFrom: name,
      body,
      changes: [...changes, ...common],
      ...(condition && { condition }),
      ...(values && { values }),
    })
  }

  switch (type) {
    case 'rating':
      return rating(el, base, add, skip)
    case 'radiogroup':
    case 'dropdown':
    case 'checkbox':
    case 'tagbox':
      return choice(ctx, el, type, base, add, skip)
    case 'boolean': {
      const values = new Map<string, TargetValue>([
        ['true', true],
        ['false', false],
      ])
      if (el.valueTrue !== undefined) values.set(String(el.valueTrue), true)
      if (el.valueFalse !== undefined) values.set(String(el.valueFalse), false)
      const labels = [el.labelTrue, el.labelFalse].map((l) => ctx.text(l)?.nl).filter(Boolean)
      return add(
        { ...base, type: 'yes_no' },
        labels.length ? [`its labels (${labels.join(' / ')}) became ja / nee`] : [],
        values,
      )
    }
    case 'comment':
    case 'text':
      return textInput(el, type, base, add, skip)
    case 'matrix':
      return matrix(ctx, el, name, condition, common)
    default:
      return skip(SKIP_REASONS[type] ?? `the SurveyJS question type '${type}' is not supported`)
  }
}

type Base = { text: Text; required: boolean; help?: Text }
type Add = (body: QuestionBody, changes?: string[], values?: Map<string, TargetValue>) => void
type Skip = (reason: string) => void

function rating(el: Json, base: Base, add: Add, skip: Skip): void {
  let min: number
  let max: number
  if (Array.isArray(el.rateValues) && el.rateValues.length) {
    const values = el.rateValues.map((v) => Number(isObject(v) ? v.value : v))
    const consecutive = values.every((v, i) => Number.isInteger(v) && v === (values[0] as number) + i)
    if (!consecutive)
      return skip(`its own rating values (${values.join(', ')}) are not a scale Klankbord has`)
    min = values[0] as number
    max = values.at(-1) as number
  } else {
    const step = num(el.rateStep) ?? 1
    if (step !== 1) return skip(`a rating in steps of ${step} is not a scale Klankbord has`)
    min = num(el.rateMin) ?? 1
    const count = num(el.rateCount)
    max = num(el.rateMax) ?? (count ? min + count - 1 : 5)
  }
  const range = `${min}–${max}`
  if (min === 1 && max === 10) return add({ ...base, type: 'grade' })
  if (min === 0 && max === 10) return add({ ...base, type: 'nps' })
  if (min === 1 && max === 7) {
    return add({ ...base, type: 'ces' }, [
      'the 1–7 rating became a Customer Effort Score (1 = heel moeilijk … 7 = heel makkelijk)',
    ])
  }
  if (min === 1 && max === 5) {
    return add({ ...base, type: 'agreement', dontKnow: false }, [
      'the 1–5 rating became a 5-point agreement scale (1 = helemaal oneens … 5 = helemaal eens)',
    ])
  }
  if (min === 1 && max === 3) {
    const values = new Map<string, TargetValue>([
      ['1', 'negative'],
      ['2', 'neutral'],
      ['3', 'positive'],
    ])
    return add({ ...base, type: 'smileys' }, ['the 1–3 rating became three smileys'], values)
  }
  skip(`a ${range} rating is not a scale Klankbord has (it has 1–3, 1–5, 1–7, 1–10 and 0–10)`)
}

function choice(ctx: SjsContext, el: Json, type: string, base: Base, add: Add, skip: Skip): void {
  const single = type === 'radiogroup' || type === 'dropdown'
  const hasOther = el.showOtherItem === true || el.hasOther === true
  const hasNone = el.showNoneItem === true || el.hasNone === true
  const raw = Array.isArray(el.choices) ? el.choices : []
  if (!raw.length) {
    const remote = el.choicesByUrl || el.choicesFromQuestion
    return skip(remote ? 'its choices come from a web service or another question' : 'it has no choices')
  }
  // Read the items first and count them: codes are only made for a list Klankbord can take.
  const items = raw.flatMap((item) => {
    let value: unknown = item
    let label: unknown
    if (isObject(item)) [value, label] = [item.value, item.text]
    else if (typeof item === 'string' && item.includes('|')) [value, label] = item.split(/\|(.*)/s)
    // SurveyJS cannot store an empty value either; such a choice is a leftover of editing.
    if (value === undefined || value === null || typeof value === 'object' || value === '') return []
    return [{ value: String(value), label, visibleIf: isObject(item) && !!item.visibleIf }]
  })
  if (items.length > 40) return skip(`it has ${items.length} choices; Klankbord allows at most 40`)
  const codes = new Set<string>(single && hasOther ? ['other'] : [])
  const values = new Map<string, TargetValue>()
  const options: { code: string; text: Text }[] = []
  const changes: string[] = []
  for (const { value, label, visibleIf } of items) {
    const code = toCode(plainText(value), codes, 'o')
    values.set(value, code)
    options.push({ code, text: ctx.text(label, value) ?? nameText(value) })
    if (visibleIf) changes.push(`the show-if rule of choice ${value} was dropped`)
  }
  const extra = (flag: boolean, value: string, textProp: unknown, fallback: string, note: string) => {
    if (!flag) return
    const code = toCode(value, codes, 'o')
    values.set(value, code)
    options.push({ code, text: ctx.text(textProp) ?? { nl: fallback } })
    changes.push(note)
  }
  extra(hasNone, 'none', el.noneText, 'Geen van deze', "the 'none' choice became an ordinary option")
  if (single && hasOther) values.set('other', 'other')
  if (!single)
    extra(
      hasOther,
      'other',
      el.otherText,
      'Anders',
      "the 'other' choice became an ordinary option without a text box",
    )
  if (el.hasComment === true || el.showCommentArea === true) changes.push('its comment box was dropped')
  if (options.length < 2) return skip(`it has ${options.length} choice(s); Klankbord needs at least 2`)
  if (options.length > 40) return skip(`it has ${options.length} choices; Klankbord allows at most 40`)
  if (single) return add({ ...base, type: 'single', options, other: hasOther }, changes, values)
  let maxChoices = num(el.maxSelectedChoices)
  if (
    maxChoices !== undefined &&
    (maxChoices < 1 || maxChoices > options.length || !Number.isInteger(maxChoices))
  ) {
    changes.push(`its maximum of ${maxChoices} choices was dropped`)
    maxChoices = undefined
  }
  if (num(el.minSelectedChoices)) changes.push('its minimum number of choices was dropped')
  add({ ...base, type: 'multiple', options, ...(maxChoices && { maxChoices }) }, changes, values)
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function textInput(el: Json, type: string, base: Base, add: Add, skip: Skip): void {
  const inputType = type === 'text' && typeof el.inputType === 'string' ? el.inputType : 'text'
  if (inputType === 'date') {
    const bound = (v: unknown) => (typeof v === 'string' && ISO_DATE.test(v) ? v : undefined)
    const [min, max] = [bound(el.min), bound(el.max)]
    if (min && max && min > max)
      return add({ ...base, type: 'date' }, [`its date range (${min} to ${max}) is empty and was dropped`])
    return add({ ...base, type: 'date', ...(min && { min }), ...(max && { max }) })
  }
  if (inputType === 'number' || inputType === 'range') {
    const [min, max] = [num(el.min), num(el.max)]
    if (min === 1 && max === 10)
      return add({ ...base, type: 'grade' }, ['the number input (1–10) became a grade'])
    if (min === 0 && max === 10)
      return add({ ...base, type: 'nps' }, ['the number input (0–10) became an NPS question'])
    return skip('a free number input is not supported (only 1–10 or 0–10 can become a grade or NPS)')
  }
  const changes: string[] = []
  if (['email', 'tel', 'url'].includes(inputType)) changes.push(`its ${inputType} check was dropped`)
  else if (inputType !== 'text') return skip(`the text input type '${inputType}' is not supported`)
  let maxLength = num(el.maxLength)
  if (maxLength !== undefined && maxLength > 10_000) {
    changes.push(`its maximum length of ${maxLength} became 10000`)
    maxLength = 10_000
  }
  const rows = type === 'comment' ? Math.min(20, Math.max(1, num(el.rows) ?? 4)) : 1
  const body: QuestionBody = {
    ...base,
    type: 'open',
    rows,
    ...(maxLength && maxLength >= 1 && { maxLength: Math.floor(maxLength) }),
  }
  add(body, changes)
}

function matrix(ctx: SjsContext, el: Json, name: string, condition: string | undefined, common: string[]) {
  const title = ctx.text(el.title, name)?.nl ?? name
  const item = (v: unknown) =>
    isObject(v) ? { value: v.value, label: v.text } : { value: v, label: undefined }
  const columns: ScalePoint[] = (Array.isArray(el.columns) ? el.columns : []).map((c) => {
    const { value, label } = item(c)
    return { value: String(value), label: ctx.text(label, String(value))?.nl ?? String(value) }
  })
  const rows: unknown[] = Array.isArray(el.rows) ? el.rows : []
  const scale = recogniseScale(columns)
  if (!rows.length) return ctx.collector.skip(name, 'matrix', title, 'the matrix has no rows')
  if (scale?.type !== 'agreement') {
    return ctx.collector.skip(
      name,
      'matrix',
      title,
      `the matrix has ${columns.length} columns; only a 5-point scale (optionally with "weet ik niet") can be imported`,
    )
  }
  const required = el.isAllRowRequired === true
  for (const raw of rows) {
    const row = item(raw)
    const value = String(row.value)
    const text = ctx.text(row.label, value) ?? nameText(value)
    const rowIf = isObject(raw) && typeof raw.visibleIf === 'string' ? raw.visibleIf : undefined
    const rowCondition = andExpressions(condition, rowIf)
    const changes = [`this row of matrix ${name} became its own agreement statement`]
    const labels = scaleChange(scale, columns)
    if (labels) changes.push(labels)
    if (el.isRequired === true && !required)
      changes.push('the matrix was required as a whole; this statement is optional')
    ctx.collector.add({
      source: `${name}.${value}`,
      sourceType: 'matrix',
      title: text.nl,
      codeFrom: `${name}_${value}`,
      body: { type: 'agreement', text, required, dontKnow: scale.dontKnow },
      changes: [...changes, ...common],
      ...(rowCondition && { condition: rowCondition }),
      values: scale.values,
    })
  }
}
