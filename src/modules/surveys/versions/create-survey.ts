/**
 * Use case: create a survey from a definition (the template, an import or the standard survey). The
 * survey starts with version 1 as a draft, or published at once for the standard survey that every
 * organisation gets.
 */
import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { recordEvent, type WriteContext } from '../../../platform/db/audit.ts'
import { newId } from '../../../platform/db/ids.ts'
import { ValidationError } from '../../../platform/errors.ts'
import type { Database } from '../../database.ts'
import type { CoreLinkNotice } from '../definition/core-links.ts'
import { checkLinkedDefinition } from './check-linked.ts'
import { questionRows } from './question-rows.ts'

/** What to create. */
export interface CreateSurveyInput {
  definition: unknown
  /** Publish version 1 at once (the standard survey); otherwise it stays a draft. */
  publish?: boolean
  isStandard?: boolean
  publicKey?: string
  /** Where the definition came from, for the audit trail (template, import:surveyjs, …). */
  origin: string
}

/** The created survey: its id, public key, the question ids by code when published, and dropped core links. */
export interface CreatedSurvey {
  id: string
  publicKey: string
  version: number
  questionIds: Record<string, string>
  coreNotices: CoreLinkNotice[]
}

/** Creates the survey inside the caller's transaction or its own. Invalid definitions are refused. */
export async function createSurvey(
  db: Kysely<Database> | Transaction<Database>,
  ctx: WriteContext,
  input: CreateSurveyInput,
): Promise<CreatedSurvey> {
  const checked = checkLinkedDefinition(input.definition)
  if (!checked.ok) throw new ValidationError(checked.errors, 'The survey definition is not valid.')
  const def = checked.definition
  const run = async (trx: Transaction<Database>) => {
    const id = newId()
    const publicKey = input.publicKey ?? randomBytes(12).toString('base64url')
    const now = new Date()
    await trx
      .insertInto('survey')
      .values({
        organisation_id: ctx.organisationId,
        id,
        public_key: publicKey,
        title: def.title.nl,
        current_version: input.publish ? 1 : 0,
        is_standard: input.isStandard ?? false,
      })
      .execute()
    await trx
      .insertInto('survey_version')
      .values({
        organisation_id: ctx.organisationId,
        survey_id: id,
        version: 1,
        status: input.publish ? 'published' : 'draft',
        definition: JSON.stringify(def),
        published_at: input.publish ? now : null,
      })
      .execute()
    const questionIds: Record<string, string> = {}
    if (input.publish) {
      const rows = questionRows(ctx.organisationId, id, 1, def)
      for (const r of rows) questionIds[r.code] = r.id
      await trx.insertInto('question').values(rows).execute()
    }
    await recordEvent(trx, ctx, {
      type: 'survey.created',
      subjectType: 'survey',
      subjectId: id,
      data: { origin: input.origin, published: input.publish ?? false, standard: input.isStandard ?? false },
    })
    return { id, publicKey, version: 1, questionIds, coreNotices: checked.coreNotices }
  }
  return db.isTransaction ? run(db as Transaction<Database>) : db.transaction().execute(run)
}
