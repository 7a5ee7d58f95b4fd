/**
 * Use cases of a response given screen by screen (a survey with several screens). Every screen's answers
 * are committed before the next screen is shown, so what a person answered is kept even if they stop
 * (status `partial`); the last screen makes the response `complete` and appends `response.submitted`.
 * The resume link carries a token derived from the submission key; only its SHA-256 is stored, and it is
 * cleared on completion so the link no longer shows the answers.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import type { Database } from '../database.ts'
import type { AnswerRow, ConsentRecord, StoredAnswer } from '../surveys/definition/answers.ts'
import type { PublicSurvey } from '../surveys/load-public-survey.ts'
import type { ResolvedContext } from './submit-response.ts'

/** SHA-256 of a resume token, as stored. */
export function hashResumeToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** A partial response as the page needs it to continue. */
export interface PartialResponse {
  id: string
  status: 'partial' | 'complete'
  /** Seeds the respondent's statement order. */
  submissionKey: string
  language: string
  screenReached: number
  /** Stored answer rows by question code. */
  rows: Map<string, StoredAnswer[]>
  /** Hidden-field values as logic sees them. */
  hidden: Record<string, string>
}

/** What one screen stores. */
export interface ScreenSave {
  /** Question codes of the screen (their earlier answers are replaced) plus codes logic now hides. */
  replaceCodes: string[]
  values: AnswerRow[]
  consents: ConsentRecord[]
  screenReached: number
  language: string
  complete: boolean
  requestId?: string
}

const ctxOf = (survey: PublicSurvey, requestId?: string): WriteContext => ({
  organisationId: survey.organisationId,
  actor: { type: 'public' },
  requestId: requestId ?? null,
})

/**
 * Stores the first screen: creates the partial response. A replay with the same submission key (a
 * double click, a retry) stores nothing new and returns the first response's id.
 */
export async function startPartialResponse(
  db: Kysely<Database>,
  survey: PublicSurvey,
  input: { submissionKey: string; resumeToken: string; context: ResolvedContext } & Omit<
    ScreenSave,
    'replaceCodes'
  >,
): Promise<{ id: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const id = newId()
    const inserted = await trx
      .insertInto('response')
      .values({
        organisation_id: survey.organisationId,
        id,
        survey_id: survey.surveyId,
        survey_version: survey.version,
        channel_id: input.context.channelId,
        product_id: input.context.productId,
        case_reference: input.context.caseReference,
        context: JSON.stringify({ ...(input.context.context ?? {}), _hidden: input.context.logic }),
        submission_key: input.submissionKey,
        status: 'partial',
        language: input.language,
        screen_reached: input.screenReached,
        resume_token_hash: hashResumeToken(input.resumeToken),
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'submission_key']).where('submission_key', 'is not', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst()
    if (!inserted) {
      const existing = await trx
        .selectFrom('response')
        .select('id')
        .where('organisation_id', '=', survey.organisationId)
        .where('submission_key', '=', input.submissionKey)
        .executeTakeFirstOrThrow()
      return { id: existing.id, created: false }
    }
    await writeScreen(trx, survey, id, { ...input, replaceCodes: [] })
    await recordEvent(trx, ctxOf(survey, input.requestId), {
      type: input.complete ? 'response.submitted' : 'response.started',
      subjectType: 'response',
      subjectId: id,
      data: { surveyId: survey.surveyId, version: survey.version, answers: input.values.length },
    })
    return { id, created: true }
  })
}

/** The partial (or just completed) response behind a resume token, or null. */
export async function findPartialResponse(
  db: Kysely<Database>,
  survey: PublicSurvey,
  resumeToken: string,
): Promise<PartialResponse | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(resumeToken)) return null
  const r = await db
    .selectFrom('response')
    .select(['id', 'status', 'language', 'screen_reached', 'context', 'submission_key'])
    .where('organisation_id', '=', survey.organisationId)
    .where('resume_token_hash', '=', hashResumeToken(resumeToken))
    .where('survey_id', '=', survey.surveyId)
    .where('survey_version', '=', survey.version)
    .executeTakeFirst()
  if (!r) return null
  const answers = await db
    .selectFrom('answer')
    .innerJoin('question', (j) =>
      j
        .onRef('question.organisation_id', '=', 'answer.organisation_id')
        .onRef('question.id', '=', 'answer.question_id'),
    )
    .select(['question.code', 'numeric_value', 'option_code', 'text_value', 'date_value', 'detail_code'])
    .where('answer.organisation_id', '=', survey.organisationId)
    .where('answer.response_id', '=', r.id)
    .orderBy('question.code')
    .orderBy('answer.item')
    .execute()
  const rows: PartialResponse['rows'] = new Map()
  for (const a of answers) {
    const list = rows.get(a.code) ?? []
    list.push(a)
    rows.set(a.code, list)
  }
  const context = (r.context ?? {}) as { _hidden?: Record<string, string> }
  return {
    id: r.id,
    status: r.status,
    submissionKey: r.submission_key ?? r.id,
    language: r.language,
    screenReached: r.screen_reached,
    rows,
    hidden: context._hidden ?? {},
  }
}

/** Stores a later screen (replacing that screen's earlier answers); completes the response on the last. */
export async function saveScreen(
  db: Kysely<Database>,
  survey: PublicSurvey,
  responseId: string,
  save: ScreenSave,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('response')
      .select(['status', 'screen_reached'])
      .where('organisation_id', '=', survey.organisationId)
      .where('id', '=', responseId)
      .forUpdate()
      .executeTakeFirst()
    // A completed response is final: a second tab or a late retry must not change it.
    if (!current || current.status !== 'partial') return
    await writeScreen(trx, survey, responseId, save)
    await trx
      .updateTable('response')
      .set({
        screen_reached: Math.max(current.screen_reached, save.screenReached),
        language: save.language,
        updated_at: new Date(),
        ...(save.complete ? { status: 'complete', submitted_at: new Date(), resume_token_hash: null } : {}),
      })
      .where('organisation_id', '=', survey.organisationId)
      .where('id', '=', responseId)
      .execute()
    await recordEvent(trx, ctxOf(survey, save.requestId), {
      type: save.complete ? 'response.submitted' : 'response.saved',
      subjectType: 'response',
      subjectId: responseId,
      data: { surveyId: survey.surveyId, version: survey.version, answers: save.values.length },
    })
  })
}

async function writeScreen(
  trx: Kysely<Database>,
  survey: PublicSurvey,
  responseId: string,
  save: Pick<ScreenSave, 'replaceCodes' | 'values' | 'consents'>,
) {
  const org = survey.organisationId
  const replaceIds = save.replaceCodes
    .map((c) => survey.questionIds.get(c))
    .filter((x): x is string => x !== undefined)
  if (replaceIds.length)
    await trx
      .deleteFrom('answer')
      .where('organisation_id', '=', org)
      .where('response_id', '=', responseId)
      .where('question_id', 'in', replaceIds)
      .execute()
  if (save.values.length)
    await trx
      .insertInto('answer')
      .values(
        save.values.map((a) => ({
          organisation_id: org,
          response_id: responseId,
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
  // A consent question answered again, or now hidden by logic, loses its earlier record first.
  const purposes = survey.questions
    .filter((q) => q.type === 'consent' && save.replaceCodes.includes(q.code))
    .map((q) => (q.type === 'consent' ? q.purpose : 'recontact'))
  if (purposes.length)
    await trx
      .deleteFrom('consent')
      .where('organisation_id', '=', org)
      .where('response_id', '=', responseId)
      .where('purpose', 'in', purposes)
      .execute()
  for (const c of save.consents) {
    await trx
      .insertInto('consent')
      .values({
        organisation_id: org,
        id: newId(),
        response_id: responseId,
        purpose: c.purpose,
        given: c.given,
        statement: c.statement,
        language: c.language,
      })
      .execute()
  }
}
