/**
 * The survey editor's form, applied to a draft definition (pure). The editor is a plain HTML form that
 * works without JavaScript: every question has fields `q<i>-text`, `q<i>-help`, `q<i>-required`,
 * `q<i>-options` (one "code = tekst" per line), `q<i>-page` (start a new page here), and texts in other
 * languages as `q<i>-text-<lang>`. The button pressed is `_action`: `save`, `up:<i>`, `down:<i>`,
 * `delete:<i>`, `add` (with `new-type`, `new-text`), `add-core` (with `new-core`, a kern core question,
 * add-core-question.ts) or `json` (replace everything by `json`).
 * Conditions and smiley reasons (condition-form.ts) and the survey settings (settings-form.ts) have
 * fields of their own. What the form cannot express (core links, drivers) is kept as it was.
 */

import type { Question, QuestionType, SurveyDefinition } from '../definition/schema.ts'
import { toCode } from '../import/sanitise.ts'
import { newCoreQuestion } from './add-core-question.ts'
import { allQuestions, conditionsFromForm, SMILEYS } from './condition-form.ts'
import { applySettingsForm } from './settings-form.ts'

type Form = Record<string, string>
type Q = Question & Record<string, unknown>

/** Question types the editor can add, with their Dutch names. */
export const QUESTION_TYPES: { type: QuestionType; name: string }[] = [
  { type: 'grade', name: 'Rapportcijfer 1 tot en met 10' },
  { type: 'agreement', name: 'Stelling: eens of oneens (5 punten)' },
  { type: 'ces', name: 'Gemak (CES, 7 punten)' },
  { type: 'nps', name: 'Aanbevelen (NPS, 0 tot en met 10)' },
  { type: 'smileys', name: 'Drie smileys' },
  { type: 'single', name: 'Eén antwoord kiezen' },
  { type: 'multiple', name: 'Meer antwoorden kiezen' },
  { type: 'open', name: 'Open vraag' },
  { type: 'yes_no', name: 'Ja of nee' },
  { type: 'date', name: 'Datum' },
  { type: 'consent', name: 'Toestemming' },
]

/** The options of a choice question as editor lines. */
export function optionLines(q: Question): string {
  return 'options' in q ? q.options.map((o) => `${o.code} = ${o.text.nl}`).join('\n') : ''
}

function parseOptions(text: string, previous: { code: string; text: Record<string, string> }[]) {
  const taken = new Set<string>()
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^([a-z][a-z0-9_]{0,62})\s*=\s*(.+)$/.exec(line)
      const label = (m ? m[2] : line) as string
      const code = m?.[1] && !taken.has(m[1]) ? m[1] : toCode(label, taken, 'optie')
      taken.add(code)
      const old = previous.find((o) => o.code === code)
      return { code, text: { ...(old?.text ?? {}), nl: label } }
    })
}

function flatten(def: SurveyDefinition) {
  return def.pages.flatMap((p, pi) =>
    p.questions.map((q, qi) => ({ q: q as Q, newPage: pi > 0 && qi === 0, page: p })),
  )
}

function newQuestion(type: QuestionType, text: string, taken: Set<string>): Q {
  const code = toCode(text || type, taken, 'vraag')
  const base = { code, type, text: { nl: text || 'Nieuwe vraag' }, required: false }
  switch (type) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        options: [
          { code: 'optie_1', text: { nl: 'Antwoord 1' } },
          { code: 'optie_2', text: { nl: 'Antwoord 2' } },
        ],
      } as unknown as Q
    case 'consent':
      return { ...base, purpose: 'recontact' } as unknown as Q
    default:
      return base as unknown as Q
  }
}

/** Applies the editor form; returns a definition to check and save (it may still be invalid). */
export function applyEditorForm(def: SurveyDefinition, form: Form): unknown {
  const action = form._action ?? 'save'
  if (action === 'json') {
    try {
      return JSON.parse(form.json ?? '')
    } catch (error) {
      return { __invalidJson: (error as Error).message }
    }
  }
  const langs = def.languages.filter((l) => l !== 'nl')
  const text = (prefix: string, old: Record<string, string> | undefined) => {
    const t: Record<string, string> = { ...(old ?? {}), nl: (form[prefix] ?? old?.nl ?? '').trim() }
    for (const l of langs) {
      const v = form[`${prefix}-${l}`]
      if (v !== undefined) {
        if (v.trim()) t[l] = v.trim()
        else delete t[l]
      }
    }
    return t
  }
  const optionalText = (prefix: string, old: Record<string, string> | undefined) => {
    const t = text(prefix, old)
    return t.nl ? t : undefined
  }
  const questions = allQuestions(def)
  let items = flatten(def).map(({ q, newPage, page }, i) => {
    const p = `q${i}`
    const next: Q = { ...q, text: text(`${p}-text`, q.text) as Q['text'] }
    const help = optionalText(`${p}-help`, q.help)
    if (help) next.help = help as Q['help']
    else delete next.help
    if (`${p}-text` in form) next.required = form[`${p}-required`] === 'on'
    if ('options' in q && form[`${p}-options`] !== undefined)
      (next as Record<string, unknown>).options = parseOptions(
        form[`${p}-options`] ?? '',
        q.options as { code: string; text: Record<string, string> }[],
      )
    applyLogicFields(next, q, i, form, questions)
    const pageBreak = `${p}-text` in form ? form[`${p}-page`] === 'on' : newPage
    return { q: next, newPage: pageBreak, page }
  })
  const m = /^(up|down|delete):(\d+)$/.exec(action)
  if (m) {
    const i = Number(m[2])
    if (m[1] === 'delete') items.splice(i, 1)
    else {
      const j = m[1] === 'up' ? i - 1 : i + 1
      if (items[i] && items[j])
        [items[i], items[j]] = [items[j] as (typeof items)[0], items[i] as (typeof items)[0]]
    }
  }
  if (action === 'add') {
    const type = QUESTION_TYPES.find((t) => t.type === form['new-type'])?.type ?? 'agreement'
    const taken = new Set(items.map((x) => x.q.code))
    items = [
      ...items,
      {
        q: newQuestion(type, (form['new-text'] ?? '').trim(), taken),
        newPage: false,
        page: def.pages.at(-1) as SurveyDefinition['pages'][0],
      },
    ]
  }
  if (action === 'add-core') {
    // A core question of the kern template (new-core = "kern.snelheid@1"), at the end of the last page.
    const taken = new Set([...items.map((x) => x.q.code), ...def.hidden.map((h) => h.code)])
    const q = newCoreQuestion(form['new-core'] ?? '', taken)
    if (q)
      items = [
        ...items,
        { q: q as Q, newPage: false, page: def.pages.at(-1) as SurveyDefinition['pages'][0] },
      ]
  }
  const pages: SurveyDefinition['pages'] = []
  for (const [k, item] of items.entries()) {
    if (k === 0 || item.newPage) pages.push({ ...item.page, questions: [] })
    pages.at(-1)?.questions.push(item.q)
  }
  const { intro: _i, thanks: _t, ...rest } = def
  const intro = optionalText('intro', def.intro)
  const thanks = optionalText('thanks', def.thanks)
  const edited = {
    ...rest,
    title: text('title', def.title),
    ...(intro ? { intro } : {}),
    ...(thanks ? { thanks } : {}),
    oneQuestionPerScreen: 'title' in form ? form.oneQuestionPerScreen === 'on' : def.oneQuestionPerScreen,
    pages: pages.length ? pages : def.pages,
  }
  return applySettingsForm(def, edited, form)
}

/** Conditions and smiley reasons of one question (fields described in condition-form.ts). */
function applyLogicFields(next: Q, q: Q, i: number, form: Form, questions: Question[]) {
  const visibleIf = conditionsFromForm(q, i, form, questions)
  if (visibleIf === undefined) delete next.visibleIf
  else if (visibleIf !== 'unchanged') next.visibleIf = visibleIf
  if (q.type !== 'smileys' || next.type !== 'smileys') return
  const reasons: NonNullable<typeof q.reasons> = { ...(q.reasons ?? {}) }
  for (const { mood } of SMILEYS) {
    const lines = form[`q${i}-reasons-${mood}`]
    if (lines === undefined) continue
    const parsed = parseOptions(lines, q.reasons?.[mood] ?? [])
    if (parsed.length) reasons[mood] = parsed as typeof reasons.negative
    else delete reasons[mood]
  }
  if (Object.keys(reasons).length) next.reasons = reasons
  else delete next.reasons
}
