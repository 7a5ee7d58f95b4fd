/**
 * Use case: work off the inbox of received notifications (job common-ground.process-inbox).
 *
 * Per notification (kanaal zaken, resource status, actie create):
 * 1. GET the status and the zaak (only URLs under the configured Zaken API are called: the JWT must not
 *    go elsewhere, whatever a notification says);
 * 2. not the eindstatus (calc/zaak.ts) → skipped `not_final_status`;
 * 3. the zaak's zaaktype has no mapping → skipped `unmapped_zaaktype` (before any personal data is read);
 * 4. GET rollen?zaak=…&omschrijvingGeneriek=initiator (all pages) and take the initiator's e-mail
 *    address or phone number; none → skipped `no_contact`;
 * 5. recordContactMoment with source `notification`, the zaak's identificatie as case reference,
 *    datumStatusGezet as the moment, and an external id from the status URL, so a replay never invites
 *    twice → processed with the invitation decision as outcome.
 *
 * Claiming is a lease, not a held transaction: due rows are taken with FOR UPDATE SKIP LOCKED and their
 * next attempt is pushed LEASE_MINUTES ahead in one short statement; the remote calls run without a
 * database transaction. A worker that dies mid-way leaves the row pending, and it is tried again when the
 * lease ends (the external id keeps that from inviting twice). Temporary remote failures retry
 * (calc/retry.ts) and then fail with a reason code; reason codes and events never hold personal data.
 */
import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import { dutchWorkingDays } from '../../platform/calendar/index.ts'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { recordContactMoment } from '../invitations/index.ts'
import { MAX_ATTEMPTS, nextAttemptAt } from './calc/retry.ts'
import { initiatorContact, isEindstatus, isUnder, statusExternalId, type ZgwRol } from './calc/zaak.ts'
import { apiBaseUrl } from './save-link.ts'
import type { NotificationStatus } from './schema.ts'
import { findLink, type Link } from './store.ts'
import { type ZgwCall, ZgwError, zgwRequest } from './zgw-client.ts'

/** Notifications one claim takes. */
export const INBOX_BATCH_SIZE = 20
/** How long a claimed notification is left alone before another worker may try it. */
export const LEASE_MINUTES = 10
/** Pages of rollen read at most (100 rollen per page in the reference implementation). */
const MAX_ROL_PAGES = 10

const StatusSchema = z.object({
  url: z.string(),
  zaak: z.string(),
  statustype: z.string(),
  datumStatusGezet: z.iso.datetime({ offset: true, local: true }),
  indicatieLaatstGezetteStatus: z.boolean().optional(),
})
const ZaakSchema = z.object({
  url: z.string(),
  identificatie: z.string().max(40).optional(),
  zaaktype: z.string(),
  einddatum: z.string().nullable(),
  status: z.string().nullable(),
})
const RolPageSchema = z.object({
  next: z.string().nullable().optional(),
  results: z.array(
    z.object({
      omschrijvingGeneriek: z.string(),
      contactpersoonRol: z
        .object({ emailadres: z.string().nullish(), telefoonnummer: z.string().nullish() })
        .nullish(),
    }),
  ),
})

/** What processing needs besides the database. */
export interface InboxDeps {
  /** The invitation key (invitations/keys.ts). */
  invitationKey: string
  /** The sealing key of client secrets (secret-box.ts). */
  sealingKey: Buffer
  now: Date
  fetch?: typeof fetch
  batchSize?: number
  signal?: AbortSignal
}

/** Counts of one run, by final state (and `retrying` for temporary failures). */
export interface InboxReport {
  processed: number
  skipped: number
  failed: number
  retrying: number
}

interface Claimed {
  organisation_id: string
  id: string
  resource_url: string
  attempts: number
}

/** Processes every due notification, batch by batch, until none is left. */
export async function processInbox(db: Kysely<Database>, deps: InboxDeps): Promise<InboxReport> {
  const report: InboxReport = { processed: 0, skipped: 0, failed: 0, retrying: 0 }
  const size = deps.batchSize ?? INBOX_BATCH_SIZE
  const links = new Map<string, Promise<Link | null>>()
  for (;;) {
    deps.signal?.throwIfAborted()
    const claimed = await claim(db, deps.now, size)
    for (const row of claimed) {
      let link = links.get(row.organisation_id)
      if (!link) {
        link = findLink(db, row.organisation_id, deps.sealingKey)
        links.set(row.organisation_id, link)
      }
      await processOne(db, deps, row, link, report)
    }
    if (claimed.length < size) return report
  }
}

async function claim(db: Kysely<Database>, now: Date, limit: number): Promise<Claimed[]> {
  // Served by common_ground_notification_due_idx.
  const lease = new Date(now.getTime() + LEASE_MINUTES * 60_000)
  const { rows } = await sql<Claimed>`
    UPDATE common_ground_notification n
       SET attempts = n.attempts + 1, next_attempt_at = ${lease}
      FROM (SELECT organisation_id, id FROM common_ground_notification
             WHERE status = 'pending' AND next_attempt_at <= ${now}
             ORDER BY next_attempt_at
             LIMIT ${limit}
               FOR UPDATE SKIP LOCKED) due
     WHERE n.organisation_id = due.organisation_id AND n.id = due.id
    RETURNING n.organisation_id, n.id, n.resource_url, n.attempts`.execute(db)
  return rows
}

/** The outcome of one notification. */
type Outcome =
  | { status: 'processed'; outcome: string; contactMomentId: string }
  | { status: 'skipped' | 'failed'; outcome: string }

async function processOne(
  db: Kysely<Database>,
  deps: InboxDeps,
  row: Claimed,
  linkOf: Promise<Link | null>,
  report: InboxReport,
) {
  let result: Outcome
  try {
    const link = await linkOf
    result = link ? await handle(db, deps, row, link) : { status: 'failed', outcome: 'no_link' }
  } catch (error) {
    if (!(error instanceof ZgwError)) throw error
    const next = error.temporary && row.attempts < MAX_ATTEMPTS ? nextAttemptAt(row.attempts, deps.now) : null
    if (next) {
      await db
        .updateTable('common_ground_notification')
        .set({ outcome: error.code, next_attempt_at: next })
        .where('organisation_id', '=', row.organisation_id)
        .where('id', '=', row.id)
        .execute()
      report.retrying += 1
      return
    }
    result = { status: 'failed', outcome: error.code }
  }
  await finish(db, row, result, deps.now)
  report[result.status] += 1
}

async function handle(db: Kysely<Database>, deps: InboxDeps, row: Claimed, link: Link): Promise<Outcome> {
  const org = row.organisation_id
  const call: ZgwCall = { client: link.client, fetch: deps.fetch, now: () => deps.now }
  if (!isUnder(row.resource_url, link.zakenUrl)) return { status: 'skipped', outcome: 'foreign_url' }
  const status = (await zgwRequest(call, 'zaken_status', row.resource_url, StatusSchema)).body
  if (!status || !isUnder(status.zaak, link.zakenUrl)) return { status: 'skipped', outcome: 'foreign_url' }
  const zaak = (
    await zgwRequest(call, 'zaken_zaak', status.zaak, ZaakSchema, { headers: { 'accept-crs': 'EPSG:4326' } })
  ).body
  if (!zaak) return { status: 'failed', outcome: 'zaken_zaak_invalid' }
  if (!isEindstatus(status, zaak)) return { status: 'skipped', outcome: 'not_final_status' }
  const zaaktype = apiBaseUrl(zaak.zaaktype)
  const mapping = zaaktype
    ? await db
        .selectFrom('common_ground_zaaktype as z')
        .leftJoin('product as p', (j) =>
          j.onRef('p.organisation_id', '=', 'z.organisation_id').onRef('p.id', '=', 'z.product_id'),
        )
        .leftJoin('channel as c', (j) =>
          j.onRef('c.organisation_id', '=', 'z.organisation_id').onRef('c.id', '=', 'z.channel_id'),
        )
        .select(['z.survey_id', 'p.code as product', 'c.code as channel'])
        .where('z.organisation_id', '=', org)
        .where('z.zaaktype_url', '=', zaaktype)
        .executeTakeFirst()
    : undefined
  if (!mapping) return { status: 'skipped', outcome: 'unmapped_zaaktype' }

  const contact = initiatorContact(await initiatorRollen(call, link, zaak.url))
  if (!contact) return { status: 'skipped', outcome: 'no_contact' }
  const ctx: WriteContext = { organisationId: org, actor: { type: 'system' } }
  try {
    const result = await recordContactMoment(
      db,
      ctx,
      {
        surveyId: mapping.survey_id,
        product: mapping.product,
        channel: mapping.channel,
        caseReference: zaak.identificatie || null,
        contact,
        occurredAt: new Date(status.datumStatusGezet),
        externalId: statusExternalId(row.resource_url),
        source: 'notification',
      },
      { key: deps.invitationKey, calendar: dutchWorkingDays(), now: deps.now },
    )
    return { status: 'processed', outcome: result.invitation.status, contactMomentId: result.id }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    // A bad address in the Zaken API, or a mapping whose survey lost its rule: not worth retrying.
    const onContact = error.invalidParams.some((p) => p.name.startsWith('contact'))
    return { status: 'skipped', outcome: onContact ? 'invalid_contact' : 'invalid_mapping' }
  }
}

/** Every initiator rol of the zaak, following `next` pages that stay under the Zaken API. */
async function initiatorRollen(call: ZgwCall, link: Link, zaakUrl: string): Promise<ZgwRol[]> {
  const query = new URLSearchParams({ zaak: zaakUrl, omschrijvingGeneriek: 'initiator' })
  let url: string | null | undefined = `${link.zakenUrl}/rollen?${query}`
  const rollen: ZgwRol[] = []
  for (let page = 0; url && page < MAX_ROL_PAGES; page += 1) {
    if (!isUnder(url, link.zakenUrl)) break
    const body: z.output<typeof RolPageSchema> | null = (
      await zgwRequest(call, 'zaken_rollen', url, RolPageSchema)
    ).body
    if (!body) break
    rollen.push(...body.results)
    url = body.next
  }
  return rollen
}

async function finish(db: Kysely<Database>, row: Claimed, result: Outcome, now: Date) {
  const status: NotificationStatus = result.status
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('common_ground_notification')
      .set({
        status,
        outcome: result.outcome,
        processed_at: now,
        contact_moment_id: result.status === 'processed' ? result.contactMomentId : null,
      })
      .where('organisation_id', '=', row.organisation_id)
      .where('id', '=', row.id)
      .execute()
    // The reason code only: no address, no case reference.
    await recordEvent(
      trx,
      { organisationId: row.organisation_id, actor: { type: 'system' } },
      {
        type: `common-ground.notification-${status}`,
        subjectType: 'common_ground_notification',
        subjectId: row.id,
        data: {
          outcome: result.outcome,
          attempts: row.attempts,
          ...(result.status === 'processed' ? { contactMomentId: result.contactMomentId } : {}),
        },
      },
    )
  })
}
