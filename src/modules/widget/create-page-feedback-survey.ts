/**
 * Use case: create and publish a "Paginafeedback" survey, so a webteam gets a working embed code in one
 * step. It is published at once: the template is fixed and checked by the widget tests; staff can still
 * change the texts in the editor and publish a new version.
 */
import type { Kysely } from 'kysely'
import type { WriteContext } from '../../platform/db/audit.ts'
import type { Database } from '../database.ts'
import { createSurvey } from '../surveys/index.ts'
import { pageFeedbackDefinition } from './page-feedback-template.ts'

/** Creates the survey and returns its id. */
export async function createPageFeedbackSurvey(db: Kysely<Database>, ctx: WriteContext): Promise<string> {
  const created = await createSurvey(db, ctx, {
    definition: pageFeedbackDefinition(),
    publish: true,
    origin: 'template:paginafeedback',
  })
  return created.id
}
