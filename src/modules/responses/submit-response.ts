/**
 * Use case: store a response. The response, its typed answers and the `response.submitted` event are
 * committed in one transaction before the caller answers 2xx, so an acknowledged response is never
 * lost. A submission key makes retries safe: the same key returns the first response, never a copy.
 */
import { CompiledQuery, type Kysely } from 'kysely'
import { eventRow } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import type { PublicSurvey } from '../surveys/load-public-survey.ts'
import { type AnswerError, type AnswerValue, validateAnswers } from './validate-answers.ts'

/** Input of a submission. */
export interface SubmissionInput {
  answers: Record<string, unknown>
  channel?: string | null
  submissionKey?: string | null
  /** API clients get unknown question codes refused; the form ignores unknown fields. */
  strict: boolean
  requestId?: string
}

/** Outcome: the response id and whether this call created it (false for a replayed key). */
export interface SubmissionResult {
  id: string
  created: boolean
}

/** Raised with both Dutch and English texts, so the page and the API can each show theirs. */
export class AnswersInvalidError extends ValidationError {
  constructor(readonly answerErrors: AnswerError[]) {
    super(
      answerErrors.map((e) => ({
        name: e.field === 'channel' ? 'channel' : `answers.${e.field}`,
        reason: e.en,
      })),
      'One or more answers are not valid.',
    )
  }
}

/** Validates and stores a response. */
export async function submitResponse(
  db: Kysely<Database>,
  survey: PublicSurvey,
  input: SubmissionInput,
): Promise<SubmissionResult> {
  const { values, errors } = validateAnswers(survey.questions, input.answers, { rejectUnknown: input.strict })
  let channelId: string | null = null
  if (input.channel) {
    channelId = survey.channels.get(input.channel) ?? null
    if (!channelId && input.strict) {
      errors.push({
        field: 'channel',
        nl: 'Onbekend kanaal.',
        en: `unknown channel code; use one of: ${[...survey.channels.keys()].join(', ')}`,
      })
    }
  }
  if (errors.length) throw new AnswersInvalidError(errors)
  return store(db, survey, values, channelId, input)
}

/**
 * Response, answers and event in ONE statement: a single round trip and an implicit transaction, so
 * the three commit together or not at all. Foreign keys are checked at the end of the statement, when
 * the response row exists. A conflicting submission key inserts nothing, and the existing id is read.
 */
const INSERT_RESPONSE = `
WITH r AS (
  INSERT INTO response (organisation_id, id, survey_id, survey_version, channel_id, submission_key)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (organisation_id, submission_key) WHERE submission_key IS NOT NULL DO NOTHING
  RETURNING id
), a AS (
  INSERT INTO answer (organisation_id, response_id, question_id, numeric_value, option_code, text_value)
  SELECT $1, r.id, x.q, x.n, x.o, x.t
    FROM r, unnest($7::uuid[], $8::numeric[], $9::text[], $10::text[]) AS x(q, n, o, t)
), e AS (
  INSERT INTO event (organisation_id, id, type, actor_type, actor_id, request_id, subject_type, subject_id, data)
  SELECT $1, $11, $12, $13, $14, $15, $16, r.id, $17::jsonb FROM r
)
SELECT id FROM r`

async function store(
  db: Kysely<Database>,
  survey: PublicSurvey,
  values: AnswerValue[],
  channelId: string | null,
  input: SubmissionInput,
): Promise<SubmissionResult> {
  const org = survey.organisationId
  const id = newId()
  const event = eventRow(
    { organisationId: org, actor: { type: 'public' }, requestId: input.requestId },
    {
      type: 'response.submitted',
      subjectType: 'response',
      subjectId: id,
      data: { surveyId: survey.surveyId, version: survey.version, answers: values.length },
    },
  )
  const result = await db.executeQuery<{ id: string }>(
    CompiledQuery.raw(INSERT_RESPONSE, [
      org,
      id,
      survey.surveyId,
      survey.version,
      channelId,
      input.submissionKey ?? null,
      values.map((v) => v.questionId),
      values.map((v) => v.numericValue),
      values.map((v) => v.optionCode),
      values.map((v) => v.textValue),
      event.id,
      event.type,
      event.actor_type,
      event.actor_id,
      event.request_id,
      event.subject_type,
      event.data,
    ]),
  )
  if (result.rows.length === 1) return { id, created: true }
  const existing = await db
    .selectFrom('response')
    .select('id')
    .where('organisation_id', '=', org)
    .where('submission_key', '=', input.submissionKey ?? '')
    .executeTakeFirstOrThrow()
  return { id: existing.id, created: false }
}
