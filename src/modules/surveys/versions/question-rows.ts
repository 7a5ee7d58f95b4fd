/**
 * The `question` rows of a published survey version, made from its definition: one row per question, in
 * definition order, carrying what analytics needs in plain SQL (type, Dutch text, driver, core building
 * block). Options and translations stay in the definition; answers refer to these rows.
 */
import { newId } from '../../../platform/db/ids.ts'
import type { SurveyDefinition } from '../definition/schema.ts'
import type { SurveyTables } from '../schema.ts'

type QuestionRow = SurveyTables['question']

/** All questions of a definition, flattened in order (pages first to last). */
export function allQuestions(def: SurveyDefinition) {
  return def.pages.flatMap((p) => p.questions)
}

/** Builds the question rows for one published version. */
export function questionRows(
  organisationId: string,
  surveyId: string,
  version: number,
  def: SurveyDefinition,
): QuestionRow[] {
  return allQuestions(def).map((q, position) => ({
    organisation_id: organisationId,
    id: newId(),
    survey_id: surveyId,
    survey_version: version,
    position,
    code: q.code,
    kind: q.type,
    text_nl: q.text.nl,
    help_nl: q.help?.nl ?? null,
    required: q.required,
    max_length: q.type === 'open' ? q.maxLength : null,
    driver: q.driver ?? null,
    core_block: q.core?.block ?? null,
    core_version: q.core?.version ?? null,
  }))
}
