/**
 * Use case: store a response that a staff member typed in from a paper form or filled in during an
 * interview. The same validation as online (responses/validate-answers.ts, resolveContext); the
 * response, its answers, consents, the paper form code and the `response.submitted` event with the
 * staff member as actor are committed in ONE transaction, so a form code is never claimed without its
 * response and a response never exists without the record of who typed it in.
 *
 * Not through the intake batch writer: that writes public submissions (actor `public`) and cannot claim
 * a form code in the same statement; staff entry is a few forms a minute, so one transaction each is
 * plenty (decision 0016).
 */
import type { Kysely } from 'kysely'
import { eventRow, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import type { Database } from '../database.ts'
import { AnswersInvalidError, resolveContext, validateAnswers } from '../responses/index.ts'
import type { PublicSurvey } from '../surveys/index.ts'

/** How a staff member collected the answers. */
export type AssistedMode = 'paper' | 'interview'

/** Input of an assisted entry. */
export interface AssistedEntry {
  mode: AssistedMode
  answers: Record<string, unknown>
  /** Channel code of the organisation (brief, telefoon, huisbezoek, …). */
  channel: string
  /** Where or how the contact took place; stored like the touchpoint hidden field of a link. */
  touchpoint?: string
  /** Normalised form code of a paper form (calc/form-code.ts); required for paper. */
  formCode?: string
}

/** The paper form was typed in before: when, so the page can say so. */
export class FormAlreadyEnteredError extends Error {
  constructor(readonly enteredAt: Date) {
    super('This paper form was entered before.')
  }
}

/** The hidden field that records the touchpoint, if the survey has one. */
export function touchpointField(survey: PublicSurvey): string | undefined {
  return survey.definition.hidden.find((h) => h.source === 'touchpoint')?.code
}

/** When form `code` of the survey was entered, or null. */
export async function formEnteredAt(
  db: Kysely<Database>,
  survey: PublicSurvey,
  code: string,
): Promise<Date | null> {
  const row = await db
    .selectFrom('paper_form_entry')
    .select('entered_at')
    .where('organisation_id', '=', survey.organisationId)
    .where('survey_id', '=', survey.surveyId)
    .where('form_code', '=', code)
    .executeTakeFirst()
  return row?.entered_at ?? null
}

/**
 * Checks an entry with the online rules, without touching the database: the answer rows to store and
 * every problem, Dutch and English. An unknown channel is reported as field `channel`. On paper a blank
 * required question is allowed (stored as not answered), but a form without any answer is not.
 */
export function checkAssistedEntry(survey: PublicSurvey, entry: AssistedEntry) {
  const field = touchpointField(survey)
  const resolved = resolveContext(survey, {
    answers: entry.answers,
    channel: entry.channel,
    hidden: field && entry.touchpoint ? { [field]: entry.touchpoint } : {},
    strict: false,
  })
  const lang = survey.definition.languages[0] ?? 'nl'
  const checked = validateAnswers(survey, entry.answers, {
    rejectUnknown: false,
    lang,
    earlier: resolved.logic,
  })
  if (entry.mode === 'paper') {
    // Paper cannot enforce "required": a person who skipped a question still answered the rest, and
    // refusing the form would lose those answers. The skipped question is stored as not answered.
    checked.errors = checked.errors.filter((e) => e.kind !== 'required')
    if (checked.errors.length === 0 && checked.values.length === 0)
      checked.errors.push({
        field: firstQuestionCode(survey),
        nl: 'Er is op dit formulier geen enkele vraag beantwoord. Voer alleen ingevulde formulieren in.',
        en: 'the form has no answers',
        kind: 'required',
      })
  }
  if (!resolved.channelId)
    checked.errors.push({ field: 'channel', nl: 'Kies een kanaal uit de lijst.', en: 'unknown channel code' })
  return { resolved, lang, ...checked }
}

/** Code of the first question, where the "nothing answered" error points. */
function firstQuestionCode(survey: PublicSurvey): string {
  return survey.questions[0]?.code ?? 'answers'
}

/** Validates and stores the entry; AnswersInvalidError or FormAlreadyEnteredError when it cannot. */
export async function recordAssistedResponse(
  db: Kysely<Database>,
  ctx: WriteContext,
  survey: PublicSurvey,
  entry: AssistedEntry,
): Promise<{ id: string }> {
  const { resolved, lang, values, consents, errors } = checkAssistedEntry(survey, entry)
  if (errors.length) throw new AnswersInvalidError(errors)
  if (entry.mode === 'paper') {
    if (!entry.formCode) throw new Error('a paper entry needs a form code')
    const before = await formEnteredAt(db, survey, entry.formCode)
    if (before) throw new FormAlreadyEnteredError(before)
  }
  const org = survey.organisationId
  const id = newId()
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('response')
        .values((eb) => ({
          organisation_id: org,
          id,
          survey_id: survey.surveyId,
          survey_version: survey.version,
          channel_id: resolved.channelId,
          product_id: resolved.productId,
          case_reference: resolved.caseReference,
          case_id: eb
            .selectFrom('service_case')
            .select('id')
            .where('organisation_id', '=', org)
            .where('reference', '=', resolved.caseReference ?? ''),
          language: lang,
          context: resolved.context ? JSON.stringify(resolved.context) : null,
          collection_mode: entry.mode,
        }))
        .execute()
      if (values.length)
        await trx
          .insertInto('answer')
          .values(
            values.map((a) => ({
              organisation_id: org,
              response_id: id,
              question_id: a.questionId,
              item: a.item,
              numeric_value: a.numericValue,
              option_code: a.optionCode,
              text_value: a.textValue,
              detail_code: a.detailCode,
              date_value: a.dateValue,
            })),
          )
          .execute()
      if (consents.length)
        await trx
          .insertInto('consent')
          .values(
            consents.map((c) => ({
              organisation_id: org,
              id: newId(),
              response_id: id,
              purpose: c.purpose,
              given: c.given,
              statement: c.statement,
              language: c.language,
            })),
          )
          .execute()
      if (entry.formCode)
        await trx
          .insertInto('paper_form_entry')
          .values({
            organisation_id: org,
            survey_id: survey.surveyId,
            form_code: entry.formCode,
            response_id: id,
          })
          .execute()
      // The same event as an online response, so everything downstream counts it; the actor names the
      // staff member who typed it in, and `mode` says how it was collected.
      await trx
        .insertInto('event')
        .values(
          eventRow(ctx, {
            type: 'response.submitted',
            subjectType: 'response',
            subjectId: id,
            data: {
              surveyId: survey.surveyId,
              version: survey.version,
              answers: values.length,
              mode: entry.mode,
              ...(entry.formCode ? { formCode: entry.formCode } : {}),
            },
          }),
        )
        .execute()
    })
  } catch (error) {
    // Two staff members typing in the same form at the same moment: the primary key decides.
    if (entry.formCode && (error as { code?: string }).code === '23505') {
      const at = await formEnteredAt(db, survey, entry.formCode)
      if (at) throw new FormAlreadyEnteredError(at)
    }
    throw error
  }
  return { id }
}
