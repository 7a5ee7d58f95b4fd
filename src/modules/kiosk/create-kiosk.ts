/**
 * Use case: make a kiosk. Checks that the survey can be asked on a kiosk and that the channel is the
 * organisation's, then stores the kiosk with the hash of a new device token and the `kiosk.created`
 * event in one transaction. The token is returned once, for the link staff open on the tablet.
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { channelChoices, kioskSurveys } from './store.ts'
import { mintDeviceToken } from './tokens.ts'

/** What staff fill in; already checked for form (lengths, numbers) by the route. */
export interface NewKiosk {
  surveyId: string
  channelCode: string
  place: string
  resetSeconds: number
}

/** Creates the kiosk; ValidationError (field names as on the form) for a survey or channel that does not fit. */
export async function createKiosk(
  db: Kysely<Database>,
  ctx: WriteContext,
  input: NewKiosk,
): Promise<{ id: string; token: string }> {
  const [surveys, channels] = await Promise.all([
    kioskSurveys(db, ctx.organisationId),
    channelChoices(db, ctx.organisationId),
  ])
  const errors = []
  if (!surveys.some((s) => s.id === input.surveyId))
    errors.push({ name: 'vragenlijst', reason: 'Kies een vragenlijst uit de lijst.' })
  const channel = channels.find((c) => c.code === input.channelCode)
  if (!channel) errors.push({ name: 'kanaal', reason: 'Kies een kanaal uit de lijst.' })
  if (errors.length || !channel) throw new ValidationError(errors)
  const id = newId()
  const { token, hash } = mintDeviceToken()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('kiosk')
      .values({
        organisation_id: ctx.organisationId,
        id,
        survey_id: input.surveyId,
        channel_id: channel.id,
        place: input.place,
        reset_seconds: input.resetSeconds,
        token_hash: hash,
        created_by: ctx.actor.type === 'account' ? (ctx.actor.id ?? null) : null,
      })
      .execute()
    await recordEvent(trx, ctx, {
      type: 'kiosk.created',
      subjectType: 'kiosk',
      subjectId: id,
      data: {
        surveyId: input.surveyId,
        channel: channel.code,
        place: input.place,
        resetSeconds: input.resetSeconds,
      },
    })
  })
  return { id, token }
}
