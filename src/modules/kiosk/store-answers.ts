/**
 * Use case: store answers from a kiosk, one or a batch that the tablet queued while offline.
 *
 * - Every answer carries a UUID made on the tablet; it becomes the response's submission key
 *   (`kiosk:<kiosk id>:<uuid>`, under the unique index of response.submission_key), so a retry after a
 *   lost reply finds the first response instead of storing a copy. The kiosk id in the key keeps one
 *   kiosk from claiming another kiosk's keys.
 * - The response records when the person answered (`answeredAt`, bounded: calc/answered-at.ts), the
 *   kiosk's channel and its place (the survey's touchpoint hidden field, or `touchpoint`).
 * - The whole batch is checked first and refused at once when any answer is invalid (every problem
 *   listed); the valid batch is written in ONE transaction with a `response.submitted` event per new
 *   response, so an acknowledged batch is stored completely.
 *
 * Responses are written here rather than through responses' batch writer because that writer stamps
 * `submitted_at` with the arrival time, and a queued answer must keep the time it was given.
 */
import type { Kysely } from 'kysely'
import { eventRow } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { type InvalidParam, UnavailableError, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { validateAnswers } from '../responses/index.ts'
import { loadPublicSurvey, type PublicSurvey } from '../surveys/index.ts'
import { answeredAtProblem } from './calc/answered-at.ts'
import { kioskQuestion, type Mood, type SmileyQuestion } from './calc/kiosk-question.ts'
import type { DeviceKiosk } from './store.ts'

/** One answer as the tablet sends it. */
export interface KioskAnswer {
  /** UUID made on the tablet when the person answered. */
  id: string
  answeredAt: Date
  smiley: Mood
  reason?: string | null
}

/** What happened to one answer: stored now, or stored earlier under the same UUID. */
export interface KioskAnswerOutcome {
  id: string
  status: 'stored' | 'duplicate'
}

/** The survey and question the kiosk asks now; UnavailableError (503, the tablet retries) when the published version has none. */
export async function kioskSurvey(
  db: Kysely<Database>,
  kiosk: DeviceKiosk,
): Promise<{ survey: PublicSurvey; question: SmileyQuestion }> {
  let survey: PublicSurvey
  try {
    survey = await loadPublicSurvey(db, kiosk.publicKey)
  } catch {
    throw new UnavailableError('The survey of this kiosk is not published.')
  }
  const question = kioskQuestion(survey.definition)
  if (!question) throw new UnavailableError('The published survey of this kiosk has no smiley question.')
  return { survey, question }
}

/** Checks and stores the answers; the outcome per answer, in the order given. */
export async function storeKioskAnswers(
  db: Kysely<Database>,
  kiosk: DeviceKiosk,
  answers: KioskAnswer[],
  options: { now?: Date; requestId?: string } = {},
): Promise<KioskAnswerOutcome[]> {
  const now = options.now ?? new Date()
  const { survey, question } = await kioskSurvey(db, kiosk)
  const errors: InvalidParam[] = []
  const seen = new Set<string>()
  const rows = answers.map((a, i) => {
    if (seen.has(a.id)) errors.push({ name: `answers.${i}.id`, reason: 'appears twice in this batch' })
    seen.add(a.id)
    const late = answeredAtProblem(a.answeredAt, now, kiosk.createdAt)
    if (late) errors.push({ name: `answers.${i}.answeredAt`, reason: late })
    const checked = validateAnswers(
      survey,
      { [question.code]: a.reason ? { value: a.smiley, reason: a.reason } : a.smiley },
      { rejectUnknown: false, scope: new Set([question.code]) },
    )
    for (const e of checked.errors) errors.push({ name: `answers.${i}.reason`, reason: e.en })
    return { answer: a, values: checked.values }
  })
  if (errors.length) throw new ValidationError(errors, 'One or more kiosk answers are not valid.')

  const touchpoint = survey.definition.hidden.find((h) => h.source === 'touchpoint')?.code ?? 'touchpoint'
  const channelId = survey.channels.get(kiosk.channelCode) ?? null
  const language = survey.definition.languages[0] ?? 'nl'
  return db.transaction().execute(async (trx) => {
    const outcomes: KioskAnswerOutcome[] = []
    for (const { answer, values } of rows) {
      const key = `kiosk:${kiosk.id}:${answer.id}`
      const id = newId()
      const inserted = await trx
        .insertInto('response')
        .values({
          organisation_id: kiosk.organisationId,
          id,
          survey_id: survey.surveyId,
          survey_version: survey.version,
          submitted_at: answer.answeredAt,
          channel_id: channelId,
          product_id: null,
          case_id: null,
          submission_key: key,
          language,
          resume_token_hash: null,
          updated_at: null,
          context: JSON.stringify({ [touchpoint]: kiosk.place }),
        })
        .onConflict((oc) =>
          oc
            .columns(['organisation_id', 'submission_key'])
            .where('submission_key', 'is not', null)
            .doNothing(),
        )
        .returning('id')
        .executeTakeFirst()
      if (!inserted) {
        outcomes.push({ id: answer.id, status: 'duplicate' })
        continue
      }
      await trx
        .insertInto('answer')
        .values(
          values.map((v) => ({
            organisation_id: kiosk.organisationId,
            response_id: id,
            question_id: v.questionId,
            item: v.item,
            numeric_value: v.numericValue,
            option_code: v.optionCode,
            text_value: v.textValue,
            detail_code: v.detailCode,
            date_value: v.dateValue,
          })),
        )
        .execute()
      await trx
        .insertInto('event')
        .values(
          eventRow(
            { organisationId: kiosk.organisationId, actor: { type: 'public' }, requestId: options.requestId },
            {
              type: 'response.submitted',
              subjectType: 'response',
              subjectId: id,
              data: {
                surveyId: survey.surveyId,
                version: survey.version,
                answers: values.length,
                kioskId: kiosk.id,
              },
            },
          ),
        )
        .execute()
      outcomes.push({ id: answer.id, status: 'stored' })
    }
    return outcomes
  })
}
