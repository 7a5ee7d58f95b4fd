/**
 * Use case: attach the follow-up answers from the widget's dialog to the SAME response as the "Ja"/"Nee"
 * (decision 0014): one response per page view, so counts and rates stay right. Rules:
 * - only a widget response (submission key `widget:<key>`) of this survey and version can get one; the key
 *   is random per page view and known only to that page, so it works as the right to add;
 * - only within FOLLOW_UP_WINDOW_MS after the answer, and only once: a retried post (or a second tab)
 *   stores nothing new and answers `stored: false`;
 * - only the questions logic shows after the stored answer; at least one must be filled in.
 */
import type { Kysely } from 'kysely'
import { recordEvent } from '../../platform/db/audit.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { AnswersInvalidError, validateAnswers } from '../responses/index.ts'
import type { PublicSurvey } from '../surveys/index.ts'
import { followUpAfter } from './calc/widget-shape.ts'
import { requireWidgetSurvey, submissionKeyOf } from './record-answer.ts'

/** How long after the answer the follow-up is accepted: long enough to write, short enough to expire. */
export const FOLLOW_UP_WINDOW_MS = 2 * 60 * 60 * 1000

/** Adds the follow-up answers; `stored: false` when this response already has them. */
export async function addWidgetFollowUp(
  db: Kysely<Database>,
  survey: PublicSurvey,
  input: { key: string; answers: Record<string, string>; requestId?: string; now?: Date },
): Promise<{ stored: boolean }> {
  const shape = requireWidgetSurvey(survey)
  const org = survey.organisationId
  const questionId = (code: string) => survey.questionIds.get(code) ?? ''
  return db.transaction().execute(async (trx) => {
    // Locked, so two posts with the same key cannot both pass the "only once" check below.
    const response = await trx
      .selectFrom('response')
      .select(['id', 'survey_version', 'submitted_at', 'language'])
      .where('organisation_id', '=', org)
      .where('submission_key', '=', submissionKeyOf(input.key))
      .where('survey_id', '=', survey.surveyId)
      .forUpdate()
      .executeTakeFirst()
    if (!response) throw new NotFoundError('No widget answer with this key.')
    if (response.survey_version !== survey.version)
      throw new ConflictError('The survey changed after the answer was given.')
    const now = input.now ?? new Date()
    if (now.getTime() - new Date(response.submitted_at).getTime() > FOLLOW_UP_WINDOW_MS)
      throw new ConflictError('The follow-up can only be sent within two hours of the answer.')
    const first = await trx
      .selectFrom('answer')
      .select('option_code')
      .where('organisation_id', '=', org)
      .where('response_id', '=', response.id)
      .where('question_id', '=', questionId(shape.question.code))
      .executeTakeFirst()
    const useful = first?.option_code === 'yes'
    const asked = followUpAfter(survey.definition, shape, useful).map((q) => q.code)
    const unknown = Object.keys(input.answers).filter((code) => !asked.includes(code))
    if (unknown.length)
      throw new ValidationError(
        unknown.map((code) => ({
          name: `answers.${code}`,
          reason: 'this question is not asked after this answer',
        })),
      )
    const { values, errors } = validateAnswers(survey, input.answers, {
      rejectUnknown: true,
      lang: response.language,
      scope: new Set(asked),
      earlier: { [shape.question.code]: useful },
    })
    if (errors.length) throw new AnswersInvalidError(errors)
    if (values.length === 0)
      throw new ValidationError([{ name: 'answers', reason: 'write an answer to at least one question' }])
    const already = await trx
      .selectFrom('answer')
      .select('question_id')
      .where('organisation_id', '=', org)
      .where('response_id', '=', response.id)
      .where('question_id', 'in', asked.map(questionId))
      .executeTakeFirst()
    if (already) return { stored: false }
    await trx
      .insertInto('answer')
      .values(
        values.map((a) => ({
          organisation_id: org,
          response_id: response.id,
          question_id: a.questionId,
          item: a.item,
          numeric_value: a.numericValue,
          option_code: a.optionCode,
          detail_code: a.detailCode,
          text_value: a.textValue,
          date_value: a.dateValue,
        })),
      )
      .execute()
    await trx
      .updateTable('response')
      .set({ updated_at: now })
      .where('organisation_id', '=', org)
      .where('id', '=', response.id)
      .execute()
    await recordEvent(
      trx,
      { organisationId: org, actor: { type: 'public' }, requestId: input.requestId ?? null },
      {
        type: 'response.follow-up-added',
        subjectType: 'response',
        subjectId: response.id,
        data: { surveyId: survey.surveyId, version: survey.version, answers: values.length },
      },
    )
    return { stored: true }
  })
}
