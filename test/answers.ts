/** Reading stored answers back in tests: one row per answer with its question code, in question order. */
import type { Services } from '../src/main/services.ts'

/** Answer rows of an organisation (optionally one response), joined to their question and response. */
export async function storedAnswerRows(services: Services, organisationId: string, responseId?: string) {
  let q = services.db
    .selectFrom('answer')
    .innerJoin('question', (j) =>
      j
        .onRef('question.organisation_id', '=', 'answer.organisation_id')
        .onRef('question.id', '=', 'answer.question_id'),
    )
    .innerJoin('response', (j) =>
      j
        .onRef('response.organisation_id', '=', 'answer.organisation_id')
        .onRef('response.id', '=', 'answer.response_id'),
    )
    .select([
      'answer.response_id',
      'response.status',
      'question.code',
      'answer.item',
      'answer.numeric_value',
      'answer.option_code',
      'answer.detail_code',
      'answer.text_value',
      'answer.date_value',
    ])
    .where('answer.organisation_id', '=', organisationId)
  if (responseId) q = q.where('answer.response_id', '=', responseId)
  return q.orderBy('question.position').orderBy('answer.item').execute()
}
