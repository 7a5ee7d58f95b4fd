/** Reading the organisation's Common Ground settings, mappings and recent notifications (no secrets out). */
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { ZgwClient } from './calc/jwt.ts'
import type { NotificationStatus } from './schema.ts'
import { open } from './secret-box.ts'
import { ZgwError } from './zgw-client.ts'

/** The link as the settings page shows it: the secret only as "is set". */
export interface LinkView {
  notificatiesUrl: string
  zakenUrl: string
  clientId: string
  hasSecret: boolean
  abonnementUrl: string | null
  subscribedAt: Date | null
}

/** The link with the opened client secret, for calls to the ZGW APIs. */
export interface Link extends LinkView {
  client: ZgwClient
}

/** The settings of `organisationId`, without the secret; null when none were saved. */
export async function findLinkView(db: Kysely<Database>, organisationId: string): Promise<LinkView | null> {
  const row = await db
    .selectFrom('common_ground_link')
    .select(['notificaties_url', 'zaken_url', 'client_id', 'abonnement_url', 'subscribed_at'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (!row) return null
  return {
    notificatiesUrl: row.notificaties_url,
    zakenUrl: row.zaken_url,
    clientId: row.client_id,
    hasSecret: true,
    abonnementUrl: row.abonnement_url,
    subscribedAt: row.subscribed_at,
  }
}

/**
 * The settings with the client secret opened under `key` (secret-box.ts). After the instance secret
 * changed the seal does not open: ZgwError `secret_unreadable` (the administrator enters it again).
 */
export async function findLink(
  db: Kysely<Database>,
  organisationId: string,
  key: Buffer,
): Promise<Link | null> {
  const row = await db
    .selectFrom('common_ground_link')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (!row) return null
  let secret: string
  try {
    secret = open(key, organisationId, row.client_secret_sealed)
  } catch {
    throw new ZgwError('secret_unreadable', false)
  }
  return {
    notificatiesUrl: row.notificaties_url,
    zakenUrl: row.zaken_url,
    clientId: row.client_id,
    hasSecret: true,
    abonnementUrl: row.abonnement_url,
    subscribedAt: row.subscribed_at,
    client: { clientId: row.client_id, secret },
  }
}

/** One zaaktype → survey mapping, with names for the page. */
export interface ZaaktypeMapping {
  id: string
  zaaktypeUrl: string
  surveyId: string
  surveyTitle: string
  productId: string | null
  productCode: string | null
  channelId: string | null
  channelCode: string | null
}

/** Every mapping of the organisation, by zaaktype URL. */
export async function listMappings(db: Kysely<Database>, organisationId: string): Promise<ZaaktypeMapping[]> {
  const rows = await db
    .selectFrom('common_ground_zaaktype as z')
    .innerJoin('survey as s', (j) =>
      j.onRef('s.organisation_id', '=', 'z.organisation_id').onRef('s.id', '=', 'z.survey_id'),
    )
    .leftJoin('product as p', (j) =>
      j.onRef('p.organisation_id', '=', 'z.organisation_id').onRef('p.id', '=', 'z.product_id'),
    )
    .leftJoin('channel as c', (j) =>
      j.onRef('c.organisation_id', '=', 'z.organisation_id').onRef('c.id', '=', 'z.channel_id'),
    )
    .select([
      'z.id',
      'z.zaaktype_url',
      'z.survey_id',
      's.title',
      'z.product_id',
      'p.code as product_code',
      'z.channel_id',
      'c.code as channel_code',
    ])
    .where('z.organisation_id', '=', organisationId)
    .orderBy('z.zaaktype_url')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    zaaktypeUrl: r.zaaktype_url,
    surveyId: r.survey_id,
    surveyTitle: r.title,
    productId: r.product_id,
    productCode: r.product_code,
    channelId: r.channel_id,
    channelCode: r.channel_code,
  }))
}

/** A received notification as the settings page lists it: no URLs of zaken, no personal data. */
export interface NotificationLine {
  receivedAt: Date
  resource: string
  actie: string
  status: NotificationStatus
  outcome: string | null
  attempts: number
  nextAttemptAt: Date
}

/** The newest notifications of the organisation (served by common_ground_notification_recent_idx). */
export async function recentNotifications(
  db: Kysely<Database>,
  organisationId: string,
  limit = 20,
): Promise<NotificationLine[]> {
  const rows = await db
    .selectFrom('common_ground_notification')
    .select(['received_at', 'resource', 'actie', 'status', 'outcome', 'attempts', 'next_attempt_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    receivedAt: r.received_at,
    resource: r.resource,
    actie: r.actie,
    status: r.status,
    outcome: r.outcome,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
  }))
}

/** Surveys, products and channels of the organisation, for the mapping form's choices. */
export async function mappingChoices(db: Kysely<Database>, organisationId: string) {
  const [surveys, products, channels] = await Promise.all([
    db
      .selectFrom('survey')
      .select(['id', 'title'])
      .where('organisation_id', '=', organisationId)
      .orderBy('title')
      .execute(),
    db
      .selectFrom('product')
      .select(['id', 'code', 'name'])
      .where('organisation_id', '=', organisationId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('channel')
      .select(['id', 'code', 'name'])
      .where('organisation_id', '=', organisationId)
      .orderBy('name')
      .execute(),
  ])
  return { surveys, products, channels }
}

/** The choices of the mapping form. */
export type MappingChoices = Awaited<ReturnType<typeof mappingChoices>>
