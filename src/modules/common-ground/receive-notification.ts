/**
 * Use case: a notification arrives at the callback (api.ts).
 *
 * - `authenticateCallback`: the organisation of the URL and the bearer token must match (current or
 *   pending token, see subscribe.ts). Unknown organisation, no link and a wrong token all answer the same
 *   401, so the callback does not tell which organisations use Common Ground.
 * - `receiveNotification`: notifications Klankbord acts on (kanaal `zaken`, resource `status`, actie
 *   `create`) are stored in the inbox with a job to process them, in one transaction, before the 204:
 *   an acknowledged notification is never lost. The same notification twice is stored once (dedupe key).
 *   Everything else (other resources, the Notificaties API's test message) is acknowledged and not stored.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { eventRow } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { UnauthenticatedError } from '../../platform/errors.ts'
import { enqueue } from '../../platform/jobs/index.ts'
import type { Database } from '../database.ts'
import { tokenMatches } from './callback-token.ts'
import { processInboxJob } from './jobs.ts'

/** A notification as validated by the API (Notificaties API 1.0, schema Message). */
export interface NotificationMessage {
  kanaal: string
  hoofdObject: string
  resource: string
  resourceUrl: string
  actie: string
  aanmaakdatum: string
  kenmerken?: Record<string, string>
}

/** Returns the organisation id for a valid `Authorization` header, or throws UnauthenticatedError. */
export async function authenticateCallback(
  db: Kysely<Database>,
  slug: string,
  authorization: string | undefined,
): Promise<string> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1]
  const refuse = () => new UnauthenticatedError('Send the bearer token of the abonnement.')
  if (!token) throw refuse()
  const row = await db
    .selectFrom('organisation as o')
    .innerJoin('common_ground_link as l', 'l.organisation_id', 'o.id')
    .select(['o.id', 'l.callback_token_hash', 'l.pending_token_hash'])
    .where('o.slug', '=', slug)
    .executeTakeFirst()
  if (!row || !tokenMatches(token, [row.callback_token_hash, row.pending_token_hash])) throw refuse()
  return row.id
}

/** Whether Klankbord acts on this notification. */
export function isStatusCreated(m: NotificationMessage): boolean {
  return m.kanaal === 'zaken' && m.resource === 'status' && m.actie === 'create'
}

/** The dedupe key: one row per notification, however often it is delivered. */
export function dedupeKey(m: NotificationMessage): string {
  const at = new Date(m.aanmaakdatum).toISOString()
  return createHash('sha256')
    .update(JSON.stringify([m.kanaal, m.actie, m.resource, m.resourceUrl, at]))
    .digest('hex')
}

/** Stores the notification (when relevant) with its job; returns whether a new row was stored. */
export async function receiveNotification(
  db: Kysely<Database>,
  organisationId: string,
  message: NotificationMessage,
  requestId?: string | null,
): Promise<'stored' | 'duplicate' | 'ignored'> {
  if (!isStatusCreated(message)) return 'ignored'
  const id = newId()
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('common_ground_notification')
      .values({
        organisation_id: organisationId,
        id,
        dedupe_key: dedupeKey(message),
        kanaal: message.kanaal,
        resource: message.resource,
        actie: message.actie,
        resource_url: message.resourceUrl,
        hoofd_object: message.hoofdObject,
        aanmaakdatum: new Date(message.aanmaakdatum),
        kenmerken: JSON.stringify(message.kenmerken ?? {}),
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'dedupe_key']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return 'duplicate'
    await trx
      .insertInto('event')
      .values(
        eventRow(
          { organisationId, actor: { type: 'system' }, requestId },
          {
            type: 'common-ground.notification-received',
            subjectType: 'common_ground_notification',
            subjectId: id,
            data: { kanaal: message.kanaal, resource: message.resource, actie: message.actie },
          },
        ),
      )
      .execute()
    await enqueue(trx, processInboxJob, {}, { organisationId })
    return 'stored'
  })
}
