/**
 * Answers in the staff preview (pure). The preview stores nothing: its form is a GET form, so the answers
 * typed on a screen arrive as query parameters of the next one, and the answers of earlier screens are
 * carried along as hidden fields. Logic then shows and hides questions as it would for a respondent, so
 * staff can try their conditions. Invalid answers are ignored (the preview does not validate).
 */
import { isEmpty, parseAnswer } from '../definition/answers.ts'
import type { AnswerValue } from '../definition/logic.ts'
import type { Question, SurveyDefinition } from '../definition/schema.ts'
import { answersFromForm, type FormBody } from '../form-values.ts'

/** What logic sees of the answers in the preview's query. */
export function previewLogic(def: SurveyDefinition, query: Record<string, string[]>) {
  const questions = def.pages.flatMap((p) => p.questions)
  const { raw } = answersFromForm(questions, query as FormBody)
  const logic: Record<string, AnswerValue> = {}
  for (const q of questions) {
    if (isEmpty(raw[q.code])) continue
    const parsed = parseAnswer(q, raw[q.code], 'nl')
    if ('logic' in parsed) logic[q.code] = parsed.logic
  }
  return logic
}

/** The query fields of answers to questions NOT on this screen, to send along as hidden fields. */
export function previewCarry(
  def: SurveyDefinition,
  query: Record<string, string[]>,
  screen: Question[],
): [string, string][] {
  const here = new Set(screen.map((q) => q.code))
  const codes = def.pages.flatMap((p) => p.questions.map((q) => q.code)).filter((c) => !here.has(c))
  const carry: [string, string][] = []
  for (const [name, values] of Object.entries(query)) {
    if (!codes.some((c) => name === c || name.startsWith(`${c}--`))) continue
    for (const v of values) if (v !== '') carry.push([name, v])
  }
  return carry
}
