/**
 * Use case: store a response. The response, its typed answers and the `response.submitted` event are
 * committed in one statement (batched with concurrent submissions, see batch-writer.ts) before the
 * caller answers 2xx, so an acknowledged response is never
 * lost. A submission key makes retries safe: the same key returns the first response, never a copy.
 */
import type { Kysely } from 'kysely'
import { eventRow } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import type { PublicSurvey } from '../surveys/load-public-survey.ts'
import { batchWriterFor } from './batch-writer.ts'
import { type AnswerError, type AnswerValue, validateAnswers } from './validate-answers.ts'

/** A zaak reference as it may appear in a link or the API. */
export const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/

/** Input of a submission. */
export interface SubmissionInput {
  answers: Record<string, unknown>
  channel?: string | null
  submissionKey?: string | null
  /** Reference of the zaak the response is about (from ?zaak= or the API). */
  caseReference?: string | null
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
  return batchWriterFor(db).write({
    organisationId: org,
    id,
    surveyId: survey.surveyId,
    surveyVersion: survey.version,
    channelId,
    submissionKey: input.submissionKey ?? null,
    caseReference: input.caseReference ?? null,
    answers: values,
    event: { id: event.id, requestId: event.request_id, data: event.data },
  })
}
