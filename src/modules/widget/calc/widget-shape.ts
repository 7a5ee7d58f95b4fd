/**
 * Which surveys the website widget can show, and what it shows of them (decision 0014).
 *
 * Rules: a widget survey is a published survey whose FIRST question is a yes/no question (the widget asks
 * it inline with the buttons "Ja" and "Nee"); every other question is an optional open question (at most
 * three), shown in the follow-up dialog when logic shows it for the given answer; and the survey has a
 * hidden field of source `touchpoint`, which records the page. Anything else (a grade, a required
 * follow-up) needs the full survey page, not a widget, so such a survey is refused with the reasons.
 */
import type { SurveyDefinition } from '../../surveys/index.ts'
import { type Question, visibleQuestions } from '../../surveys/index.ts'

/** Most follow-up questions the dialog shows: it must stay short. */
export const MAX_FOLLOW_UP = 3

type YesNo = Extract<Question, { type: 'yes_no' }>
type Open = Extract<Question, { type: 'open' }>

/** A survey the widget can show. */
export interface WidgetShape {
  ok: true
  /** The inline yes/no question. */
  question: YesNo
  /** Candidate follow-up questions, in order. */
  followUp: Open[]
  /** Code of the hidden field that stores the page path. */
  touchpointCode: string
}

/** A survey the widget cannot show, with every reason in plain Dutch for the staff page. */
export interface NotAWidget {
  ok: false
  problems: string[]
}

/** Checks a survey definition against the rules above. */
export function widgetShape(def: SurveyDefinition): WidgetShape | NotAWidget {
  const problems: string[] = []
  const all = def.pages.flatMap((p) => p.questions)
  const [first, ...rest] = all
  if (!first || first.type !== 'yes_no')
    problems.push('De eerste vraag moet een ja/nee-vraag zijn, zoals "Was deze pagina nuttig?".')
  if (rest.length > MAX_FOLLOW_UP)
    problems.push(`Na de ja/nee-vraag mogen hoogstens ${MAX_FOLLOW_UP} vragen komen.`)
  for (const q of rest) {
    if (q.type !== 'open') problems.push(`De vraag "${q.text.nl}" moet een open vraag zijn.`)
    else if (q.required) problems.push(`De vraag "${q.text.nl}" mag niet verplicht zijn.`)
  }
  const touchpoint = def.hidden.find((h) => h.source === 'touchpoint')
  if (!touchpoint)
    problems.push('De vragenlijst heeft geen verborgen veld voor de pagina (soort "Contactmoment").')
  if (problems.length || !first || first.type !== 'yes_no' || !touchpoint) return { ok: false, problems }
  return { ok: true, question: first, followUp: rest as Open[], touchpointCode: touchpoint.code }
}

/** The follow-up questions logic shows after the yes/no answer `useful`. */
export function followUpAfter(def: SurveyDefinition, shape: WidgetShape, useful: boolean): Open[] {
  const visible = visibleQuestions(def, { [shape.question.code]: useful })
  return shape.followUp.filter((q) => visible.has(q.code))
}
