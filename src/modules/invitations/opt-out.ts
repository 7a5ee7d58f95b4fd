/**
 * Use case: a person opts out through the link in an invitation (`/afmelden/{token}`, or the mail
 * program's one-click POST of RFC 8058). The keyed hash of their address goes on the organisation's
 * opt-out list, honoured for every survey; an invitation still running becomes `opted_out` and forgets
 * the address. Opting out twice is fine: the first time counts.
 */
import type { Kysely } from 'kysely'
import { recordEvent } from '../../platform/db/audit.ts'
import type { Database } from '../database.ts'
import { readOptOutToken } from './tokens.ts'

/** Who the opt-out link belongs to (for the page), or null for a link that is not ours. */
export async function findOptOut(
  db: Kysely<Database>,
  key: string,
  token: string,
): Promise<{
  organisationId: string
  invitationId: string
  organisationName: string
  personHash: string
} | null> {
  const ids = readOptOutToken(key, token)
  if (!ids) return null
  const row = await db
    .selectFrom('invitation as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select(['o.name', 'i.person_hash'])
    .where('i.organisation_id', '=', ids.organisationId)
    .where('i.id', '=', ids.invitationId)
    .executeTakeFirst()
  if (!row?.person_hash) return null
  return { ...ids, organisationName: row.name, personHash: row.person_hash }
}

/** Records the opt-out of the link's person; returns the organisation's name, or null for a bad link. */
export async function optOut(
  db: Kysely<Database>,
  key: string,
  token: string,
  method: 'link' | 'one_click',
  now: Date = new Date(),
): Promise<{ organisationName: string } | null> {
  const found = await findOptOut(db, key, token)
  if (!found) return null
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('opt_out')
      .values({
        organisation_id: found.organisationId,
        person_hash: found.personHash,
        opted_out_at: now,
        method,
        invitation_id: found.invitationId,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'person_hash']).doNothing())
      .executeTakeFirst()
    // Every running invitation of this person stops, not only the one whose link was used.
    const stopped = await trx
      .updateTable('invitation')
      .set({ status: 'opted_out', address: null, remind_at: null, updated_at: now })
      .where('organisation_id', '=', found.organisationId)
      .where('person_hash', '=', found.personHash)
      .where('status', 'in', ['planned', 'sent', 'reminded', 'started'])
      .returning('id')
      .execute()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 || stopped.length)
      await recordEvent(
        trx,
        { organisationId: found.organisationId, actor: { type: 'public' } },
        {
          type: 'invitation.opted-out',
          subjectType: 'invitation',
          subjectId: found.invitationId,
          data: { method, stopped: stopped.map((s) => s.id) },
        },
      )
  })
  return { organisationName: found.organisationName }
}
