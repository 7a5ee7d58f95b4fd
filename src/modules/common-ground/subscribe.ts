/**
 * Use case "Abonneren": create an abonnement on kanaal `zaken` in the Notificaties API 1.0
 * (POST /abonnement) with Klankbord's callback URL and a new bearer token as `auth`.
 *
 * Notificaties API implementations test the callback while creating the abonnement (they POST a test
 * notification with the new `auth` and want 204), so the new token's hash is stored as *pending* first
 * and accepted by the callback; on success it replaces the old one. A previous abonnement is then
 * deleted (best effort: if that fails its deliveries are refused with 401, as its token is gone).
 */
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { ConflictError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { isUnder } from './calc/zaak.ts'
import { mintCallbackToken } from './callback-token.ts'
import { findLink } from './store.ts'
import { type ZgwCall, ZgwError, zgwRequest } from './zgw-client.ts'

/** The path of the callback under /api/v1 (api.ts). */
export const callbackPath = (slug: string) => `/api/v1/organisations/${slug}/notifications`

const AbonnementAnswer = z.object({ url: z.url() })

/** Why subscribing failed, as a reason code for the settings page. */
export class SubscribeError extends Error {
  constructor(readonly code: string) {
    super(code)
  }
}

/** Subscribes; returns the abonnement URL. Throws SubscribeError when the Notificaties API refuses. */
export async function subscribe(
  db: Kysely<Database>,
  ctx: WriteContext,
  deps: { key: Buffer; publicUrl: string; slug: string; fetch?: typeof fetch; now?: () => Date },
): Promise<string> {
  const org = ctx.organisationId
  const link = await findLink(db, org, deps.key).catch((error) => {
    throw error instanceof ZgwError ? new SubscribeError(error.code) : error
  })
  if (!link) throw new ConflictError('Save the link settings first.')
  const { token, hash } = mintCallbackToken()
  await db
    .updateTable('common_ground_link')
    .set({ pending_token_hash: hash })
    .where('organisation_id', '=', org)
    .execute()
  const call: ZgwCall = { client: link.client, fetch: deps.fetch, now: deps.now }
  let url: string
  try {
    const answer = await zgwRequest(
      call,
      'notificaties',
      `${link.notificatiesUrl}/abonnement`,
      AbonnementAnswer,
      {
        method: 'POST',
        body: {
          callbackUrl: `${deps.publicUrl}${callbackPath(deps.slug)}`,
          auth: `Bearer ${token}`,
          kanalen: [{ naam: 'zaken', filters: {} }],
        },
      },
    )
    if (!answer.body) throw new ZgwError('notificaties_invalid', false)
    url = answer.body.url
  } catch (error) {
    await db
      .updateTable('common_ground_link')
      .set({ pending_token_hash: null })
      .where('organisation_id', '=', org)
      .where('pending_token_hash', '=', hash)
      .execute()
    if (error instanceof ZgwError) throw new SubscribeError(error.code)
    throw error
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('common_ground_link')
      .set({
        callback_token_hash: hash,
        pending_token_hash: null,
        abonnement_url: url,
        subscribed_at: new Date(),
      })
      .where('organisation_id', '=', org)
      .execute()
    await recordEvent(trx, ctx, {
      type: 'common-ground.subscribed',
      subjectType: 'common_ground_link',
      subjectId: org,
      data: { abonnementUrl: url, replaced: link.abonnementUrl },
    })
  })
  // The old abonnement's address came from the remote server: a signed token only goes under the
  // configured Notificaties API, never to a host that server named.
  if (link.abonnementUrl && link.abonnementUrl !== url && isUnder(link.abonnementUrl, link.notificatiesUrl)) {
    await zgwRequest(call, 'notificaties', link.abonnementUrl, z.unknown(), { method: 'DELETE' }).catch(
      () => undefined,
    )
  }
  return url
}
