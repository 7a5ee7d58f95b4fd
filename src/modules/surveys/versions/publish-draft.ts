/**
 * Use case: publish a survey's draft. The draft keeps its number; its questions get their `question`
 * rows (which answers refer to), the survey's public link switches to it, and from then on it is
 * immutable. Responses keep the version they were given on: older versions stay readable.
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../../platform/db/audit.ts'
import { ConflictError, ValidationError } from '../../../platform/errors.ts'
import type { Database } from '../../database.ts'
import { clearSurveyCache } from '../load-public-survey.ts'
import { checkLinkedDefinition } from './check-linked.ts'
import { questionRows } from './question-rows.ts'
import { findDraft } from './store.ts'

/** Publishes the draft and returns its version number. */
export async function publishSurveyDraft(
  db: Kysely<Database>,
  ctx: WriteContext,
  surveyId: string,
): Promise<number> {
  const version = await db.transaction().execute(async (trx) => {
    const draft = await findDraft(trx, ctx.organisationId, surveyId)
    if (!draft) throw new ConflictError('This survey has no draft to publish.')
    // Checked again: rules may have become stricter since the draft was saved. The published definition
    // is the one with core links applied, so it says the same as the question rows written from it.
    const checked = checkLinkedDefinition(draft.definition)
    if (!checked.ok) throw new ValidationError(checked.errors, 'The draft is not valid.')
    const def = checked.definition
    await trx
      .insertInto('question')
      .values(questionRows(ctx.organisationId, surveyId, draft.version, def))
      .execute()
    await trx
      .updateTable('survey_version')
      .set({
        status: 'published',
        published_at: new Date(),
        updated_at: new Date(),
        ...(checked.coreNotices.length ? { definition: JSON.stringify(def) } : {}),
      })
      .where('organisation_id', '=', ctx.organisationId)
      .where('survey_id', '=', surveyId)
      .where('version', '=', draft.version)
      .execute()
    await trx
      .updateTable('survey')
      .set({ current_version: draft.version, title: def.title.nl })
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', '=', surveyId)
      .execute()
    await recordEvent(trx, ctx, {
      type: 'survey.published',
      subjectType: 'survey',
      subjectId: surveyId,
      data: { version: draft.version, questions: def.pages.reduce((n, p) => n + p.questions.length, 0) },
    })
    return draft.version
  })
  clearSurveyCache()
  return version
}
