/**
 * Which question a kiosk asks. A kiosk shows ONE question: the first smiley question of the published
 * version that is always shown (no `visibleIf`: a kiosk has no earlier answers that logic could use),
 * with that smiley's reasons as the optional second step. Pure: the definition in, the question out.
 */
import type { Question, SurveyDefinition } from '../../surveys/index.ts'

/** The smiley question, narrowed. */
export type SmileyQuestion = Extract<Question, { type: 'smileys' }>

/** The three smileys, in the order the kiosk shows them. */
export const MOODS = ['negative', 'neutral', 'positive'] as const
export type Mood = (typeof MOODS)[number]

/** The kiosk's question of a definition, or null when it has no smiley question a kiosk can ask. */
export function kioskQuestion(definition: SurveyDefinition): SmileyQuestion | null {
  for (const page of definition.pages)
    for (const q of page.questions) if (q.type === 'smileys' && !q.visibleIf) return q
  return null
}

/** The reasons offered after choosing `mood` (empty when that smiley has none). */
export function reasonsFor(q: SmileyQuestion, mood: Mood) {
  return q.reasons?.[mood] ?? []
}
