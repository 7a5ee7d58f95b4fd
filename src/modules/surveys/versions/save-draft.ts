/**
 * Use cases of the draft: open one (a copy of the newest published version, numbered one higher) and
 * save a changed definition into it. A published version is never changed: edits always land in the
 * draft, and the database trigger on survey_version refuses anything else.
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../../platform/db/audit.ts'
import { type InvalidParam, NotFoundError, ValidationError } from '../../../platform/errors.ts'
import type { Database } from '../../database.ts'
import type { CoreLinkNotice } from '../definition/core-links.ts'
import { checkLinkedDefinition } from './check-linked.ts'
import { findDraft, findVersion, type SurveyVersion } from './store.ts'

/** Returns the survey's draft, opening one from the newest published version when there is none. */
export async function openDraft(db: Kysely<Database>, ctx: WriteContext, surveyId: string) {
  return db.transaction().execute(async (trx) => {
    const survey = await trx
      .selectFrom('survey')
      .select(['id', 'current_version'])
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', '=', surveyId)
      .forUpdate()
      .executeTakeFirst()
    if (!survey) throw new NotFoundError()
    const existing = await findDraft(trx, ctx.organisationId, surveyId)
    if (existing) return existing
    const base = await findVersion(trx, ctx.organisationId, surveyId, survey.current_version)
    if (!base) throw new NotFoundError()
    const version = survey.current_version + 1
    await trx
      .insertInto('survey_version')
      .values({
        organisation_id: ctx.organisationId,
        survey_id: surveyId,
        version,
        status: 'draft',
        definition: JSON.stringify(base.definition),
      })
      .execute()
    await recordEvent(trx, ctx, {
      type: 'survey.draft-opened',
      subjectType: 'survey',
      subjectId: surveyId,
      data: { version, from: base.version },
    })
    const draft = await findDraft(trx, ctx.organisationId, surveyId)
    if (!draft) throw new NotFoundError()
    return draft
  })
}

/**
 * Outcome of saving: the draft, the warnings the check found (texts missing in a language, …) and the
 * core links dropped because the question no longer matches its core question (now an eigen vraag).
 */
export interface SavedDraft {
  draft: SurveyVersion
  warnings: InvalidParam[]
  coreNotices: CoreLinkNotice[]
}

/** Checks and stores a new definition in the survey's draft (opening one if needed), core links applied. */
export async function saveDraft(
  db: Kysely<Database>,
  ctx: WriteContext,
  surveyId: string,
  definition: unknown,
): Promise<SavedDraft> {
  const checked = checkLinkedDefinition(definition)
  if (!checked.ok) throw new ValidationError(checked.errors, 'The survey definition is not valid.')
  const draft = await openDraft(db, ctx, surveyId)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('survey_version')
      .set({ definition: JSON.stringify(checked.definition), updated_at: new Date() })
      .where('organisation_id', '=', ctx.organisationId)
      .where('survey_id', '=', surveyId)
      .where('version', '=', draft.version)
      .where('status', '=', 'draft')
      .execute()
    await recordEvent(trx, ctx, {
      type: 'survey.draft-saved',
      subjectType: 'survey',
      subjectId: surveyId,
      data: { version: draft.version },
    })
  })
  return {
    draft: { ...draft, definition: checked.definition, updatedAt: new Date() },
    warnings: checked.warnings,
    coreNotices: checked.coreNotices,
  }
}
