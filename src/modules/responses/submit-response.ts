/**
 * Use case: store a response. The response, its typed answers and the `response.submitted` event are
 * committed in one statement (batched with concurrent submissions, see batch-writer.ts) before the
 * caller answers 2xx, so an acknowledged response is never
 * lost. A submission key makes retries safe: the same key returns the first response, never a copy.
 */
import type { Kysely } from 'kysely'
import { eventRow } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { ConflictError, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import type { PublicSurvey } from '../surveys/load-public-survey.ts'
import { batchWriterFor } from './batch-writer.ts'
import { type AnswerError, validateAnswers } from './validate-answers.ts'

/** A zaak reference as it may appear in a link or the API. */
export const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/

/** Input of a submission. */
export interface SubmissionInput {
  answers: Record<string, unknown>
  channel?: string | null
  submissionKey?: string | null
  /** Reference of the zaak the response is about (from ?zaak= or the API). */
  caseReference?: string | null
  /** Values of the survey's hidden fields by code (from the link or the API). */
  hidden?: Record<string, string>
  /** Language the survey was answered in; default Dutch. */
  language?: string
  /** 'telephony' when a telephony system (IVR) sends the answers; default 'self' (decision 0016). */
  collectionMode?: 'self' | 'telephony'
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
        name: ['channel', 'product', 'language'].includes(e.field) ? e.field : `answers.${e.field}`,
        reason: e.en,
      })),
      'One or more answers are not valid.',
    )
  }
}

/** What the hidden fields and link parameters resolve to. */
export interface ResolvedContext {
  channelId: string | null
  productId: string | null
  caseReference: string | null
  context: Record<string, string> | null
  /** What logic sees of the hidden fields (conditions may refer to them). */
  logic: Record<string, string>
  errors: AnswerError[]
}

/**
 * Resolves hidden-field values: channel and product codes to the organisation's ids, the zaak reference
 * as given, touchpoint and custom values into `context`. Unknown codes are errors for API clients and
 * ignored on the form (a mistyped link must not cost a person their answers).
 */
export function resolveContext(survey: PublicSurvey, input: SubmissionInput): ResolvedContext {
  const errors: AnswerError[] = []
  const hidden = { ...(input.hidden ?? {}) }
  let channelCode = input.channel ?? null
  let productCode: string | null = null
  let caseReference = input.caseReference ?? null
  const context: Record<string, string> = {}
  const logic: Record<string, string> = {}
  for (const h of survey.definition.hidden) {
    const v = hidden[h.code]
    if (v === undefined || v === '') continue
    logic[h.code] = v
    if (h.source === 'channel') channelCode ??= v
    else if (h.source === 'product') productCode = v
    else if (h.source === 'case_reference') caseReference ??= CASE_REFERENCE.test(v) ? v : null
    else if (h.source !== 'language') context[h.code] = v.slice(0, 200)
  }
  if (input.strict) {
    for (const key of Object.keys(hidden)) {
      if (!survey.definition.hidden.some((h) => h.code === key))
        errors.push({ field: `hidden.${key}`, nl: 'Onbekend veld.', en: 'unknown hidden field code' })
    }
  }
  let channelId: string | null = null
  if (channelCode) {
    channelId = survey.channels.get(channelCode) ?? null
    if (!channelId && input.strict)
      errors.push({
        field: 'channel',
        nl: 'Onbekend kanaal.',
        en: `unknown channel code; use one of: ${[...survey.channels.keys()].join(', ')}`,
      })
  }
  let productId: string | null = null
  if (productCode) {
    productId = survey.products.get(productCode) ?? null
    if (!productId && input.strict)
      errors.push({ field: 'product', nl: 'Onbekend product.', en: 'unknown product code' })
  }
  return {
    channelId,
    productId,
    caseReference,
    context: Object.keys(context).length ? context : null,
    logic,
    errors,
  }
}

/** The language a response is stored with: one the survey offers, else its first. */
export function responseLanguage(survey: PublicSurvey, lang: string | undefined): string {
  return lang && survey.definition.languages.includes(lang) ? lang : (survey.definition.languages[0] ?? 'nl')
}

/** Validates and stores a complete response in one go (API, and single-screen surveys). */
export async function submitResponse(
  db: Kysely<Database>,
  survey: PublicSurvey,
  input: SubmissionInput,
): Promise<SubmissionResult> {
  const language = responseLanguage(survey, input.language)
  if (input.strict && input.language && input.language !== language)
    throw new AnswersInvalidError([
      {
        field: 'language',
        nl: 'Deze taal wordt niet aangeboden.',
        en: `the survey is offered in: ${survey.definition.languages.join(', ')}`,
      },
    ])
  const ctx = resolveContext(survey, input)
  const { values, consents, errors } = validateAnswers(survey, input.answers, {
    rejectUnknown: input.strict,
    lang: language,
    earlier: ctx.logic,
  })
  errors.push(...ctx.errors)
  if (errors.length) throw new AnswersInvalidError(errors)
  if (survey.preview) throw new ConflictError('A preview is never stored.')
  const org = survey.organisationId
  const id = newId()
  const event = eventRow(
    { organisationId: org, actor: { type: 'public' }, requestId: input.requestId },
    {
      type: 'response.submitted',
      subjectType: 'response',
      subjectId: id,
      data: {
        surveyId: survey.surveyId,
        version: survey.version,
        answers: values.length,
        ...(input.collectionMode === 'telephony' ? { mode: 'telephony' } : {}),
      },
    },
  )
  return batchWriterFor(db).write({
    organisationId: org,
    id,
    surveyId: survey.surveyId,
    surveyVersion: survey.version,
    channelId: ctx.channelId,
    productId: ctx.productId,
    language,
    context: ctx.context,
    collectionMode: input.collectionMode,
    submissionKey: input.submissionKey ?? null,
    caseReference: ctx.caseReference,
    answers: values,
    consents: consents.map((c) => ({ ...c, id: newId() })),
    event: { id: event.id, requestId: event.request_id, data: event.data },
  })
}
