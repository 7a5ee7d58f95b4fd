/**
 * Use case: tie a response to the invitation it came from and, when the response is complete, close the
 * invitation: `completed`, the response id, the address forgotten, the link no longer usable (its status
 * says used; only its hash stays). Called by the public survey flow after the response is stored; not
 * in the same transaction (the response goes through the batch writer), so a crash in between leaves the
 * invitation `started`, and the forget job expires it and drops the address at its expiry.
 */
import type { Kysely } from 'kysely'
import { recordEvent } from '../../platform/db/audit.ts'
import type { Database } from '../database.ts'
import { hashLinkToken, LINK_TOKEN } from './tokens.ts'

const LIVE = ['sent', 'reminded', 'started'] as const

/**
 * Links the response to the invitation of `token` (for this organisation and survey); with `complete`
 * it completes the invitation. Returns whether an invitation was found. A wrong or used token is ignored:
 * the person's answers count anyway.
 */
export async function linkInvitationResponse(
  db: Kysely<Database>,
  input: { organisationId: string; surveyId: string; token: string; responseId: string; complete: boolean },
  now: Date = new Date(),
): Promise<boolean> {
  if (!LINK_TOKEN.test(input.token)) return false
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('invitation')
      .select(['id'])
      .where('token_hash', '=', hashLinkToken(input.token))
      .where('organisation_id', '=', input.organisationId)
      .where('survey_id', '=', input.surveyId)
      .where('status', 'in', [...LIVE])
      .where('expires_at', '>', now)
      .forUpdate()
      .executeTakeFirst()
    if (!row) return false
    if (!input.complete) {
      await trx
        .updateTable('invitation')
        .set({ response_id: input.responseId, updated_at: now })
        .where('organisation_id', '=', input.organisationId)
        .where('id', '=', row.id)
        .execute()
      return true
    }
    await complete(trx, input.organisationId, row.id, input.responseId, now)
    return true
  })
}

/** Completes the invitation linked to a multi-screen response when its last screen is sent. */
export async function completeInvitationOfResponse(
  db: Kysely<Database>,
  organisationId: string,
  responseId: string,
  now: Date = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Served by invitation_response_idx.
    const row = await trx
      .selectFrom('invitation')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('response_id', '=', responseId)
      .where('status', 'in', [...LIVE])
      .forUpdate()
      .executeTakeFirst()
    if (!row) return false
    await complete(trx, organisationId, row.id, responseId, now)
    return true
  })
}

async function complete(
  trx: Kysely<Database>,
  organisationId: string,
  id: string,
  responseId: string,
  now: Date,
) {
  await trx
    .updateTable('invitation')
    .set({
      status: 'completed',
      completed_at: now,
      response_id: responseId,
      address: null,
      remind_at: null,
      updated_at: now,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute()
  await recordEvent(
    trx,
    { organisationId, actor: { type: 'public' } },
    { type: 'invitation.completed', subjectType: 'invitation', subjectId: id, data: { responseId } },
  )
}
