/**
 * Use case: a person follows the survey link `/i/{token}` of an invitation. A valid link marks the
 * invitation `started` (the first time) and leads to the survey with the contact moment's channel,
 * product and case reference as hidden fields, plus the token, so the response can be tied back
 * (complete-invitation.ts). A used or expired link says so; an unknown one is unknown.
 */
import type { Kysely } from 'kysely'
import { recordEvent } from '../../platform/db/audit.ts'
import type { Database } from '../database.ts'
import { hashLinkToken, LINK_TOKEN } from './tokens.ts'

/** What the link leads to. */
export type LinkOutcome =
  | { kind: 'open'; publicKey: string; query: Record<string, string> }
  | { kind: 'used' | 'expired'; organisationName: string; publicKey: string }
  | { kind: 'unknown' }

/** The query parameter that carries the invitation token into the survey flow. */
export const INVITATION_PARAM = 'uitnodiging'

/** Resolves a link token at `now`; marks the invitation started when it is valid. */
export async function openInvitationLink(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<LinkOutcome> {
  if (!LINK_TOKEN.test(token)) return { kind: 'unknown' }
  // Served by invitation_token_idx.
  const row = await db
    .selectFrom('invitation as i')
    .innerJoin('contact_moment as m', (j) =>
      j.onRef('m.organisation_id', '=', 'i.organisation_id').onRef('m.id', '=', 'i.contact_moment_id'),
    )
    .innerJoin('survey as s', (j) =>
      j.onRef('s.organisation_id', '=', 'i.organisation_id').onRef('s.id', '=', 'i.survey_id'),
    )
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .leftJoin('channel as c', (j) =>
      j.onRef('c.organisation_id', '=', 'm.organisation_id').onRef('c.id', '=', 'm.channel_id'),
    )
    .leftJoin('product as p', (j) =>
      j.onRef('p.organisation_id', '=', 'm.organisation_id').onRef('p.id', '=', 'm.product_id'),
    )
    .select([
      'i.organisation_id',
      'i.id',
      'i.status',
      'i.expires_at',
      'i.language',
      's.public_key',
      'o.name as organisation_name',
      'c.code as channel_code',
      'p.code as product_code',
      'm.case_reference',
    ])
    .where('i.token_hash', '=', hashLinkToken(token))
    .executeTakeFirst()
  if (!row) return { kind: 'unknown' }
  const gone = { organisationName: row.organisation_name, publicKey: row.public_key }
  if (row.status === 'completed') return { kind: 'used', ...gone }
  const live = row.status === 'sent' || row.status === 'reminded' || row.status === 'started'
  if (!live || !row.expires_at || row.expires_at <= now) return { kind: 'expired', ...gone }
  if (row.status !== 'started') {
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('invitation')
        .set({ status: 'started', started_at: now, updated_at: now })
        .where('organisation_id', '=', row.organisation_id)
        .where('id', '=', row.id)
        .where('status', 'in', ['sent', 'reminded'])
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) > 0)
        await recordEvent(
          trx,
          { organisationId: row.organisation_id, actor: { type: 'public' } },
          { type: 'invitation.started', subjectType: 'invitation', subjectId: row.id },
        )
    })
  }
  const query: Record<string, string> = {}
  if (row.channel_code) query.kanaal = row.channel_code
  if (row.product_code) query.product = row.product_code
  if (row.case_reference) query.zaak = row.case_reference
  if (row.language !== 'nl') query.taal = row.language
  query[INVITATION_PARAM] = token
  return { kind: 'open', publicKey: row.public_key, query }
}
