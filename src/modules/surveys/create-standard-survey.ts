/** Use case: give an organisation the standard survey (idempotent: returns the existing one). */
import type { Kysely, Transaction } from 'kysely'
import type { WriteContext } from '../../platform/db/audit.ts'
import type { Database } from '../database.ts'
import { seedDefaultRule } from '../invitations/index.ts'
import { standardDefinition } from './definition/standard.ts'
import { createSurvey } from './versions/create-survey.ts'

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
  const created = await createSurvey(db, ctx, {
    definition: standardDefinition(),
    publish: true,
    isStandard: true,
    publicKey: options.publicKey,
    origin: 'standard',
  })
  // Every standard survey starts with the default invitation rule (decision 0010), so contact moments
  // can be sent in without setting anything up first.
  await seedDefaultRule(db, ctx, created.id)
  return created
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
