/** Use case: give an organisation the standard survey (idempotent: returns the existing one). */
import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import type { Database } from '../database.ts'
import { STANDARD_QUESTIONS, STANDARD_SURVEY_TITLE } from './standard-survey.ts'

/** The standard survey of an organisation with its question ids by code. */
export interface StandardSurvey {
  id: string
  publicKey: string
  version: number
  questionIds: Record<string, string>
}

/** Creates the standard survey unless the organisation has one; runs in the caller's transaction or its own. */
export async function ensureStandardSurvey(
  db: Kysely<Database> | Transaction<Database>,
  ctx: WriteContext,
  options: { publicKey?: string } = {},
): Promise<StandardSurvey> {
  const existing = await findStandardSurvey(db, ctx.organisationId)
  if (existing) return existing
  const run = async (trx: Transaction<Database>) => {
    const id = newId()
    const publicKey = options.publicKey ?? randomBytes(12).toString('base64url')
    await trx
      .insertInto('survey')
      .values({
        organisation_id: ctx.organisationId,
        id,
        public_key: publicKey,
        title: STANDARD_SURVEY_TITLE,
        is_standard: true,
      })
      .execute()
    const questionIds: Record<string, string> = {}
    await trx
      .insertInto('question')
      .values(
        STANDARD_QUESTIONS.map((q, position) => {
          const qid = newId()
          questionIds[q.code] = qid
          return {
            organisation_id: ctx.organisationId,
            id: qid,
            survey_id: id,
            survey_version: 1,
            position,
            code: q.code,
            kind: q.kind,
            text_nl: q.text,
            help_nl: q.help ?? null,
            required: q.required,
            max_length: q.maxLength ?? null,
            driver: q.driver ?? null,
          }
        }),
      )
      .execute()
    await recordEvent(trx, ctx, {
      type: 'survey.created',
      subjectType: 'survey',
      subjectId: id,
      data: { standard: true },
    })
    return { id, publicKey, version: 1, questionIds }
  }
  return db.isTransaction ? run(db as Transaction<Database>) : db.transaction().execute(run)
}

/** The organisation's standard survey, or null. */
export async function findStandardSurvey(
  db: Kysely<Database>,
  organisationId: string,
): Promise<StandardSurvey | null> {
  const survey = await db
    .selectFrom('survey')
    .select(['id', 'public_key', 'current_version'])
    .where('organisation_id', '=', organisationId)
    .where('is_standard', '=', true)
    .executeTakeFirst()
  if (!survey) return null
  const questions = await db
    .selectFrom('question')
    .select(['id', 'code'])
    .where('organisation_id', '=', organisationId)
    .where('survey_id', '=', survey.id)
    .where('survey_version', '=', survey.current_version)
    .execute()
  return {
    id: survey.id,
    publicKey: survey.public_key,
    version: survey.current_version,
    questionIds: Object.fromEntries(questions.map((q) => [q.code, q.id])),
  }
}
