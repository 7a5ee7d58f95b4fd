/**
 * The questions of a staff entry form (pure), page by page. Paper: numbered exactly like the printed
 * form (pages/paper-question.tsx counts the same way), so the typist finds question 7 as number 7.
 * Interview: worded for the interviewer (interview-wording.ts). A question that logic may skip says so:
 * its answer is stored only when the earlier answers show it, as online.
 */
import { textIn } from '../../surveys/definition/answers.ts'
import type { Question, SurveyDefinition } from '../../surveys/definition/schema.ts'
import type { AssistedMode } from '../record-assisted-response.ts'
import { interviewQuestion } from './interview-wording.ts'

const CONDITIONAL =
  'Deze vraag geldt niet voor iedereen: het antwoord telt alleen als de eerdere antwoorden de vraag tonen.'

function withHelp(q: Question, extra: string): Question {
  return { ...q, help: { nl: q.help ? `${q.help.nl} ${extra}` : extra } } as Question
}

/** The pages of the entry form with their questions as `mode` shows them. */
export function entryPages(
  def: SurveyDefinition,
  mode: AssistedMode,
): { title?: string; questions: Question[] }[] {
  let number = 0
  return def.pages.map((page) => ({
    title: page.title ? textIn(page.title, 'nl') : undefined,
    questions: page.questions.map((q) => {
      number += 1
      const shown =
        mode === 'paper'
          ? ({ ...q, text: { ...q.text, nl: `${number}. ${q.text.nl}` } } as Question)
          : interviewQuestion(q)
      return q.visibleIf ? withHelp(shown, CONDITIONAL) : shown
    }),
  }))
}
