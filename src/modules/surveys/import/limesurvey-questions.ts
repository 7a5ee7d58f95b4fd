/**
 * Converts one LimeSurvey question into Klankbord questions (an array gives one per row), or reports why
 * not. Rules: L/!/O → single, M/P → multiple, T/S/U → open, Y → yes_no, D → date, 5 → agreement,
 * N → grade or NPS only when its range is 1–10 or 0–10, arrays F/A/B/H → one question per row when the
 * columns are a 5-point or 1–10 scale; X (text display) and every other type are skipped. Answer codes
 * become option codes, and conditions of later questions are translated through the same map.
 */
import type { Text } from '../definition/schema.ts'
import type { Collector, QuestionBody } from './collector.ts'
import type { TargetValue } from './conditions.ts'
import { andExpressions } from './expression.ts'
import type { LsQuestion } from './limesurvey-xml.ts'
import { plainText, toCode } from './sanitise.ts'
import { recogniseScale, type ScalePoint, scaleChange } from './scale.ts'
import { nameText, type TextMaker } from './texts.ts'

/** LimeSurvey's names of its question types, for skip reasons. */
const TYPE_NAMES: Record<string, string> = {
  '1': 'Array dual scale',
  ':': 'Array (numbers)',
  ';': 'Array (texts)',
  C: 'Array (yes/no/uncertain)',
  E: 'Array (increase/same/decrease)',
  G: 'Gender',
  I: 'Language switch',
  K: 'Multiple numerical input',
  Q: 'Multiple short text',
  R: 'Ranking',
  '|': 'File upload',
  '*': 'Equation',
}

/** Relevance '1' or empty means "always shown". */
export function relevance(raw: string): string | undefined {
  const r = raw.trim()
  return r && r !== '1' ? r : undefined
}

type Base = { text: Text; required: boolean; help?: Text }

/** Converts one top-level LimeSurvey question; `groupCondition` is its group's relevance. */
export function convertLsQuestion(
  c: Collector,
  texts: TextMaker,
  q: LsQuestion,
  groupCondition?: string,
): void {
  const text = texts.make(q.text) ?? nameText(q.title)
  const help = texts.make(q.help)
  const condition = andExpressions(groupCondition, relevance(q.relevance))
  const changes: string[] = []
  if (q.mandatory === 'S') changes.push('soft mandatory became optional')
  const base: Base = { text, required: q.mandatory === 'Y', ...(help && { help }) }
  const skip = (reason: string) => c.skip(q.title, q.type, text.nl, reason)
  const add = (body: QuestionBody, more: string[] = [], values?: Map<string, TargetValue>) =>
    c.add({
      source: q.title,
      sourceType: q.type,
      title: text.nl,
      codeFrom: q.title,
      body,
      changes: [...more, ...changes],
      ...(condition && { condition }),
      ...(values && { values }),
    })
  if (q.attributes.get('hidden') === '1')
    return skip('it is hidden in the source (attribute hidden) and never shown')
  const attr = (name: string) => {
    const v = Number(q.attributes.get(name) ?? '')
    return q.attributes.get(name)?.trim() && Number.isFinite(v) ? v : undefined
  }

  switch (q.type) {
    case 'L':
    case '!':
    case 'O': {
      const answers = q.answers.filter((a) => a.scaleId === '0')
      if (answers.length < 2)
        return skip(`it has ${answers.length} answer option(s); Klankbord needs at least 2`)
      if (answers.length > 40)
        return skip(`it has ${answers.length} answer options; Klankbord allows at most 40`)
      const codes = new Set<string>(q.other === 'Y' ? ['other'] : [])
      const values = new Map<string, TargetValue>()
      const options = answers.map((a) => {
        const code = toCode(a.code, codes, 'o')
        values.set(a.code, code)
        return { code, text: texts.make(a.text) ?? nameText(a.code) }
      })
      if (q.other === 'Y') values.set('-oth-', 'other')
      const more = q.type === 'O' ? ['its comment box was dropped'] : []
      add({ ...base, type: 'single', options, other: q.other === 'Y' }, more, values)
      return
    }
    case 'M':
    case 'P':
      return multiple(c, texts, q, base, add, skip, attr('max_answers'))
    case 'T':
    case 'S':
    case 'U': {
      const max = attr('maximum_chars')
      const rows = attr('display_rows')
      const body: QuestionBody = {
        ...base,
        type: 'open',
        rows: Math.min(20, Math.max(1, Math.round(rows ?? (q.type === 'S' ? 1 : q.type === 'T' ? 4 : 8)))),
        ...(max && max >= 1 && { maxLength: Math.min(10_000, Math.floor(max)) }),
      }
      add(body, max && max > 10_000 ? [`its maximum length of ${max} became 10000`] : [])
      return
    }
    case 'Y':
      add(
        { ...base, type: 'yes_no' },
        [],
        new Map<string, TargetValue>([
          ['Y', true],
          ['N', false],
        ]),
      )
      return
    case 'D':
      return date(q, base, add, skip)
    case '5':
      add({ ...base, type: 'agreement', dontKnow: false }, [
        'the 5-point choice became a 5-point agreement scale (1 = helemaal oneens … 5 = helemaal eens)',
      ])
      return
    case 'N': {
      const min = attr('min_num_value_n') ?? attr('min_num_value')
      const max = attr('max_num_value_n') ?? attr('max_num_value')
      if (min === 1 && max === 10)
        return void add({ ...base, type: 'grade' }, ['the number input (1–10) became a grade'])
      if (min === 0 && max === 10)
        return void add({ ...base, type: 'nps' }, ['the number input (0–10) became an NPS question'])
      return skip(
        'a free number input is not supported (only a 1–10 or 0–10 range can become a grade or NPS)',
      )
    }
    case 'F':
    case 'H':
    case 'A':
    case 'B':
      return array(c, texts, q, base, condition, changes)
    case 'X':
      return skip('a text display (boilerplate) asks nothing; its text is not imported')
    default:
      return skip(
        `the LimeSurvey question type ${TYPE_NAMES[q.type] ?? 'unknown'} (${q.type}) is not supported`,
      )
  }
}

type Add = (body: QuestionBody, more?: string[], values?: Map<string, TargetValue>) => string

function multiple(
  c: Collector,
  texts: TextMaker,
  q: LsQuestion,
  base: Base,
  add: Add,
  skip: (reason: string) => void,
  maxAnswers: number | undefined,
): void {
  const rows = q.subquestions.filter((sq) => sq.scaleId === '0')
  const count = rows.length + (q.other === 'Y' ? 1 : 0)
  // Count first: codes are only made for a list Klankbord can take.
  if (count < 2) return skip(`it has ${count} choice(s); Klankbord needs at least 2`)
  if (count > 40) return skip(`it has ${count} choices; Klankbord allows at most 40`)
  const codes = new Set<string>()
  const more: string[] = []
  const options = rows.map((sq) => ({
    source: sq.title,
    code: toCode(sq.title, codes, 'o'),
    text: texts.make(sq.text) ?? nameText(sq.title),
  }))
  if (q.other === 'Y') {
    options.push({ source: 'other', code: toCode('other', codes, 'o'), text: { nl: 'Anders' } })
    more.push("the 'other' choice became an ordinary option without a text box")
  }
  if (q.type === 'P') more.push('the comment boxes per choice were dropped')
  let maxChoices = maxAnswers
  if (
    maxChoices !== undefined &&
    (maxChoices < 1 || maxChoices > options.length || !Number.isInteger(maxChoices))
  ) {
    more.push(`its maximum of ${maxChoices} choices was dropped`)
    maxChoices = undefined
  }
  if (q.attributes.get('min_answers')?.trim()) more.push('its minimum number of choices was dropped')
  const values = new Map<string, TargetValue>(options.map((o) => [o.source, o.code]))
  const list = options.map(({ code, text }) => ({ code, text }))
  const code = add(
    { ...base, type: 'multiple', options: list, ...(maxChoices && { maxChoices }) },
    more,
    values,
  )
  // LimeSurvey refers to a chosen option as Q2_SQ001 == "Y".
  for (const o of options) c.alias(`${q.title}_${o.source}`, { code, type: 'multiple', flag: o.code })
}

function date(q: LsQuestion, base: Base, add: Add, skip: (reason: string) => void): void {
  const format = q.attributes.get('date_format')?.trim() ?? ''
  // LimeSurvey date formats: d/m/y (lowercase m = month) for the date, H and MM (minutes) for the time.
  if (format && !/[dDyYm]/.test(format))
    return skip(`a time without a date (format ${format}) is not supported`)
  const bound = (name: string) => /^\d{4}-\d{2}-\d{2}/.exec(q.attributes.get(name)?.trim() ?? '')?.[0]
  const [min, max] = [bound('date_min'), bound('date_max')]
  const more = /H|MM/.test(format) ? ['its time part was dropped'] : []
  if (min && max && min > max) {
    more.push(`its date range (${min} to ${max}) is empty and was dropped`)
    return void add({ ...base, type: 'date' }, more)
  }
  add({ ...base, type: 'date', ...(min && { min }), ...(max && { max }) }, more)
}

function array(
  c: Collector,
  texts: TextMaker,
  q: LsQuestion,
  base: Base,
  condition: string | undefined,
  changes: string[],
) {
  const fixed = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))
  const points: ScalePoint[] =
    q.type === 'A'
      ? fixed(5)
      : q.type === 'B'
        ? fixed(10)
        : q.answers
            .filter((a) => a.scaleId === '0')
            .map((a) => ({ value: a.code, label: plainText(texts.make(a.text)?.nl ?? a.code) }))
  const scale = recogniseScale(points)
  const rows = q.subquestions.filter((sq) => sq.scaleId === '0')
  const title = texts.make(q.text)?.nl ?? q.title
  if (!scale) {
    return c.skip(
      q.title,
      q.type,
      title,
      `the array's ${points.length} answer columns are not a 5-point or 1–10 scale`,
    )
  }
  if (!rows.length) return c.skip(q.title, q.type, title, 'the array has no rows (subquestions)')
  for (const sq of rows) {
    const name = `${q.title}_${sq.title}`
    const text = texts.make(sq.text) ?? nameText(sq.title)
    const more = [`this row of array ${q.title} became its own ${scale.type} question`]
    const labels =
      q.type === 'A' ? 'the 5-point choice became a 5-point agreement scale' : scaleChange(scale, points)
    if (labels) more.push(labels)
    const rowCondition = andExpressions(condition, relevance(sq.relevance))
    c.add({
      source: name,
      sourceType: q.type,
      title: text.nl,
      codeFrom: name,
      body: {
        text,
        required: base.required,
        type: scale.type,
        ...(scale.type === 'agreement' && { dontKnow: scale.dontKnow }),
      } as QuestionBody,
      changes: [...more, ...changes],
      ...(rowCondition && { condition: rowCondition }),
      values: scale.values,
    })
  }
}
