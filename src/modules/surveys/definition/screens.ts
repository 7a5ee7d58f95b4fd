/**
 * How a definition is split into screens for a respondent. Pure.
 *
 * Rules:
 * - a screen is a page, or one question in `oneQuestionPerScreen` mode;
 * - a page breaks automatically before a question whose condition refers to a question on the same
 *   screen: the public page works without JavaScript, so a condition can only look at answers that were
 *   sent before (docs/survey-definition.md);
 * - with `shuffleStatements`, the page's agreement statements swap places in an order fixed per
 *   respondent by a seed (so a reload or an error does not reshuffle); statements that have a
 *   condition or that a condition refers to keep their place, so logic stays valid;
 * - a screen without any visible question is skipped.
 */
import { createHash } from 'node:crypto'
import type { Question, SurveyDefinition, Text } from './schema.ts'

/** One screen: questions shown together, with the page's title and intro on its first screen. */
export interface Screen {
  index: number
  pageIndex: number
  title?: Text
  intro?: Text
  questions: Question[]
}

function conditionTargets(q: Question): string[] {
  if (!q.visibleIf) return []
  const list = 'all' in q.visibleIf ? q.visibleIf.all : q.visibleIf.any
  return list.map((c) => c.question)
}

/** The page's questions with its statements shuffled for this seed (see the rules above). */
export function orderedQuestions(
  questions: Question[],
  shuffle: boolean,
  seed: string,
  referenced: Set<string>,
): Question[] {
  if (!shuffle) return questions
  const movable = (q: Question) => q.type === 'agreement' && !q.visibleIf && !referenced.has(q.code)
  const key = (q: Question) => createHash('sha256').update(`${seed}/${q.code}`).digest('hex')
  const shuffled = questions.filter(movable).sort((a, b) => (key(a) < key(b) ? -1 : 1))
  let k = 0
  return questions.map((q) => (movable(q) ? (shuffled[k++] as Question) : q))
}

/** The screens of a definition for one respondent (seed: a value fixed per respondent). */
export function screensOf(def: SurveyDefinition, seed: string): Screen[] {
  const referenced = new Set(def.pages.flatMap((p) => p.questions.flatMap(conditionTargets)))
  const screens: Screen[] = []
  def.pages.forEach((page, pageIndex) => {
    const questions = orderedQuestions(page.questions, page.shuffleStatements, seed, referenced)
    let current: Question[] = []
    let first = true
    const flush = () => {
      if (current.length === 0) return
      screens.push({
        index: screens.length,
        pageIndex,
        ...(first ? { title: page.title, intro: page.intro } : {}),
        questions: current,
      })
      current = []
      first = false
    }
    for (const q of questions) {
      const dependsOnScreen = conditionTargets(q).some((code) => current.some((c) => c.code === code))
      if (def.oneQuestionPerScreen || dependsOnScreen) flush()
      current.push(q)
    }
    flush()
  })
  return screens
}

/** The first screen after `from` (exclusive; -1 for the start) with a visible question, or null. */
export function nextScreen(screens: Screen[], from: number, visible: Set<string>): number | null {
  for (let i = from + 1; i < screens.length; i++)
    if (screens[i]?.questions.some((q) => visible.has(q.code))) return i
  return null
}

/** The last screen before `from` with a visible question, or null. */
export function previousScreen(screens: Screen[], from: number, visible: Set<string>): number | null {
  for (let i = Math.min(from, screens.length) - 1; i >= 0; i--)
    if (screens[i]?.questions.some((q) => visible.has(q.code))) return i
  return null
}

/** Progress: which of the screens that are visible now this one is, and how many there are. */
export function progressOf(screens: Screen[], index: number, visible: Set<string>) {
  const shown = screens.filter((s) => s.questions.some((q) => visible.has(q.code)))
  const position = shown.findIndex((s) => s.index === index)
  return { current: position < 0 ? 1 : position + 1, total: Math.max(shown.length, 1) }
}
