/**
 * Use case: store the widget's "Ja"/"Nee" at once as a complete response, with the channel `website`
 * and the page path as touchpoint. The widget's key (random, made per page view) is the submission key,
 * so a retried post returns the first response instead of a second one; prefixed `widget:` so only
 * widget responses can get a follow-up later (add-follow-up.ts).
 */
import type { Kysely } from 'kysely'
import { NotFoundError, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { responseLanguage, submitResponse } from '../responses/index.ts'
import type { PublicSurvey } from '../surveys/index.ts'
import { touchpointOf } from './calc/touchpoint.ts'
import { type WidgetShape, widgetShape } from './calc/widget-shape.ts'

/** The channel code every widget response records (a standard channel of every organisation). */
export const WIDGET_CHANNEL = 'website'

/** The submission key a widget key is stored under. */
export const submissionKeyOf = (key: string) => `widget:${key}`

/** What the widget posts for the first answer. */
export interface WidgetAnswer {
  key: string
  useful: boolean
  /** The page address (path or URL); only its path is kept. */
  page: string
  language?: string
  requestId?: string
}

/** The shape of a survey the widget may show, or NotFoundError for the public. */
export function requireWidgetSurvey(survey: PublicSurvey): WidgetShape {
  const shape = widgetShape(survey.definition)
  if (!shape.ok || !survey.channels.has(WIDGET_CHANNEL))
    throw new NotFoundError('This survey cannot be shown in the website widget.')
  return shape
}

/** Stores the answer; `useful` is the stored answer (the first one, for a replayed key). */
export async function recordWidgetAnswer(
  db: Kysely<Database>,
  survey: PublicSurvey,
  input: WidgetAnswer,
): Promise<{ created: boolean; useful: boolean; language: string }> {
  const shape = requireWidgetSurvey(survey)
  const touchpoint = touchpointOf(input.page)
  if (!touchpoint)
    throw new ValidationError([
      { name: 'page', reason: 'must be a page path starting with / or an http(s) URL' },
    ])
  const result = await submitResponse(db, survey, {
    answers: { [shape.question.code]: input.useful },
    channel: WIDGET_CHANNEL,
    submissionKey: submissionKeyOf(input.key),
    hidden: { [shape.touchpointCode]: touchpoint },
    language: input.language,
    // Not strict: an unknown language falls back to the survey's first instead of losing the answer.
    strict: false,
    requestId: input.requestId,
  })
  if (result.created)
    return { created: true, useful: input.useful, language: responseLanguage(survey, input.language) }
  // A replayed key: the follow-up must match what was stored first, not what this retry says.
  const stored = await db
    .selectFrom('response')
    .innerJoin('answer', (j) =>
      j
        .onRef('answer.organisation_id', '=', 'response.organisation_id')
        .onRef('answer.response_id', '=', 'response.id'),
    )
    .select(['answer.option_code', 'response.language'])
    .where('response.organisation_id', '=', survey.organisationId)
    .where('response.id', '=', result.id)
    .where('answer.question_id', '=', survey.questionIds.get(shape.question.code) ?? '')
    .executeTakeFirst()
  return {
    created: false,
    useful: stored ? stored.option_code === 'yes' : input.useful,
    language: stored?.language ?? 'nl',
  }
}
