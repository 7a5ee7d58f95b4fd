/**
 * Use case: save the organisation's link settings (Notificaties API and Zaken API base URLs, ZGW client
 * id and secret). The secret is sealed (secret-box.ts) and never shown back; an empty secret keeps the
 * saved one. Changing the Notificaties API URL forgets the abonnement: it lives in the old API.
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../platform/db/audit.ts'
import { type InvalidParam, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { seal } from './secret-box.ts'

/** The form as typed. */
export interface LinkInput {
  notificatiesUrl: string
  zakenUrl: string
  clientId: string
  /** Empty: keep the saved secret. */
  clientSecret: string
}

/** An http(s) URL without query, fragment or credentials, and without the trailing slash. */
export function apiBaseUrl(value: string): string | null {
  try {
    const u = new URL(value.trim())
    if (!['http:', 'https:'].includes(u.protocol) || u.username || u.password || u.search || u.hash)
      return null
    return u.toString().replace(/\/+$/, '')
  } catch {
    return null
  }
}

/** Validates and stores the settings; throws ValidationError naming every bad field (form field names). */
export async function saveLink(
  db: Kysely<Database>,
  ctx: WriteContext,
  input: LinkInput,
  key: Buffer,
): Promise<void> {
  const org = ctx.organisationId
  const errors: InvalidParam[] = []
  const notificatiesUrl = apiBaseUrl(input.notificatiesUrl)
  if (!notificatiesUrl)
    errors.push({
      name: 'notificatiesUrl',
      reason:
        'Vul het adres van de Notificaties API in, bijvoorbeeld https://notificaties.gemeente.nl/api/v1.',
    })
  const zakenUrl = apiBaseUrl(input.zakenUrl)
  if (!zakenUrl)
    errors.push({
      name: 'zakenUrl',
      reason: 'Vul het adres van de Zaken API in, bijvoorbeeld https://zaken.gemeente.nl/zaken/api/v1.',
    })
  const clientId = input.clientId.trim()
  if (!clientId || clientId.length > 200)
    errors.push({ name: 'clientId', reason: 'Vul de client-id in (hoogstens 200 tekens).' })
  const existing = await db
    .selectFrom('common_ground_link')
    .select(['client_secret_sealed', 'notificaties_url'])
    .where('organisation_id', '=', org)
    .executeTakeFirst()
  const secret = input.clientSecret
  if (!secret && !existing)
    errors.push({ name: 'clientSecret', reason: 'Vul het geheim (secret) van de client in.' })
  if (secret.length > 500) errors.push({ name: 'clientSecret', reason: 'Het geheim is te lang.' })
  if (errors.length || !notificatiesUrl || !zakenUrl)
    throw new ValidationError(errors, 'De instellingen zijn niet goed ingevuld.')

  const sealed = secret ? seal(key, org, secret) : (existing?.client_secret_sealed as string)
  const moved = existing && existing.notificaties_url !== notificatiesUrl
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('common_ground_link')
      .values({
        organisation_id: org,
        notificaties_url: notificatiesUrl,
        zaken_url: zakenUrl,
        client_id: clientId,
        client_secret_sealed: sealed,
      })
      .onConflict((oc) =>
        oc.column('organisation_id').doUpdateSet({
          notificaties_url: notificatiesUrl,
          zaken_url: zakenUrl,
          client_id: clientId,
          client_secret_sealed: sealed,
          updated_at: new Date(),
          ...(moved ? { abonnement_url: null, subscribed_at: null } : {}),
        }),
      )
      .execute()
    // No secret and no client id in the event: only what changed in kind.
    await recordEvent(trx, ctx, {
      type: 'common-ground.link-saved',
      subjectType: 'common_ground_link',
      subjectId: org,
      data: { secretChanged: Boolean(secret), notificatiesUrlChanged: Boolean(moved) },
    })
  })
}
