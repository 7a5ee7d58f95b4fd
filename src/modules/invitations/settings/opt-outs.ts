/**
 * Opt-out management by staff (an administrator, for example after a phone call): look a person up by
 * e-mail address or phone number, opt them out, or withdraw their opt-out when they want invitations
 * again. The address is normalised and hashed as at intake (calc/person.ts) and never stored: only the
 * keyed hash is compared, and only the hash goes into the audit trail. Every lookup is audited too,
 * because it tells whether a known person was invited.
 */
import type { Kysely } from 'kysely'
import { recordEvent, type WriteContext } from '../../../platform/db/audit.ts'
import type { Database } from '../../database.ts'
import { normaliseEmail, normalisePhone, personHash } from '../calc/person.ts'
import type { InvitationChannel } from '../schema.ts'

/** A person as the opt-out list knows them. */
export interface Person {
  channel: InvitationChannel
  hash: string
}

/** What staff may see about a person: no address, no survey, no case. */
export interface PersonStatus {
  optedOutAt: Date | null
  optOutMethod: 'link' | 'one_click' | 'mailto' | 'staff' | null
  lastSentAt: Date | null
  nextPlannedAt: Date | null
}

/** The person of a typed address (an `@` means e-mail, else a phone number); null when not valid. */
export function personOf(key: string, typed: string): Person | null {
  if (typed.includes('@')) {
    const email = normaliseEmail(typed)
    return email ? { channel: 'email', hash: personHash(key, 'email', email) } : null
  }
  const phone = normalisePhone(typed)
  return phone ? { channel: 'sms', hash: personHash(key, 'sms', phone) } : null
}

/** The person's opt-out and invitation times; records the lookup. */
export async function lookUpPerson(
  db: Kysely<Database>,
  ctx: WriteContext,
  person: Person,
): Promise<PersonStatus> {
  const org = ctx.organisationId
  const optOut = await db
    .selectFrom('opt_out')
    .select(['opted_out_at', 'method'])
    .where('organisation_id', '=', org)
    .where('person_hash', '=', person.hash)
    .executeTakeFirst()
  // Served by invitation_person_idx (organisation_id, person_hash, send_at).
  const times = await db
    .selectFrom('invitation')
    .select((eb) => [
      eb.fn.max('sent_at').as('lastSent'),
      eb.fn.min(eb.case().when('status', '=', 'planned').then(eb.ref('send_at')).end()).as('nextPlanned'),
    ])
    .where('organisation_id', '=', org)
    .where('person_hash', '=', person.hash)
    .executeTakeFirst()
  await recordEvent(db, ctx, {
    type: 'opt-out.looked-up',
    subjectType: 'opt_out',
    data: { personHash: person.hash, channel: person.channel, optedOut: Boolean(optOut) },
  })
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string))
  return {
    optedOutAt: optOut?.opted_out_at ?? null,
    optOutMethod: optOut?.method ?? null,
    lastSentAt: date(times?.lastSent),
    nextPlannedAt: date(times?.nextPlanned),
  }
}

/** Opts the person out on their request; running invitations stop and forget the address, as with the link. */
export async function optOutByStaff(
  db: Kysely<Database>,
  ctx: WriteContext,
  person: Person,
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('opt_out')
      .values({
        organisation_id: ctx.organisationId,
        person_hash: person.hash,
        opted_out_at: now,
        method: 'staff',
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'person_hash']).doNothing())
      .executeTakeFirst()
    const stopped = await trx
      .updateTable('invitation')
      .set({ status: 'opted_out', address: null, remind_at: null, updated_at: now })
      .where('organisation_id', '=', ctx.organisationId)
      .where('person_hash', '=', person.hash)
      .where('status', 'in', ['planned', 'sent', 'reminded', 'started'])
      .returning('id')
      .execute()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 || stopped.length)
      await recordEvent(trx, ctx, {
        type: 'invitation.opted-out',
        subjectType: 'opt_out',
        data: { method: 'staff', personHash: person.hash, stopped: stopped.map((s) => s.id) },
      })
  })
}

/**
 * Withdraws the person's opt-out: later contact moments are decided as for anyone else. Invitations
 * stopped by the opt-out stay stopped (their addresses are gone).
 */
export async function withdrawOptOut(db: Kysely<Database>, ctx: WriteContext, person: Person) {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('opt_out')
      .where('organisation_id', '=', ctx.organisationId)
      .where('person_hash', '=', person.hash)
      .returning(['opted_out_at', 'method'])
      .execute()
    if (removed.length)
      await recordEvent(trx, ctx, {
        type: 'opt-out.withdrawn',
        subjectType: 'opt_out',
        data: { personHash: person.hash, optedOutAt: removed[0]?.opted_out_at, method: removed[0]?.method },
      })
  })
}

/** How many people opted out of the organisation's invitations. */
export async function countOptOuts(db: Kysely<Database>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('opt_out')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
