/**
 * Use case: record a contact moment and decide, in the same transaction, whether and when to invite the
 * person (decision 0010). An acknowledged contact moment therefore always has its decision.
 *
 * The decision, in this order (the first that applies wins):
 * 1. `not_sampled` — the rule's sample percentage leaves this contact moment out (deterministic per id);
 * 2. `duplicate` — the same survey already invited for this case reference;
 * 3. `opted_out` — the person (keyed hash of the address) opted out of this organisation's invitations;
 * 4. `suppressed` — the person has an invitation planned or sent within the rule's suppression days,
 *    for any survey of the organisation;
 * 5. otherwise `planned`, with the send, reminder and expiry times of the rule (calc/plan.ts).
 * Only a planned invitation stores the address; every decision stores the hash.
 */
import { type Kysely, sql, type Transaction } from 'kysely'
import type { WorkingDayCalendar } from '../../platform/calendar/index.ts'
import { eventRow, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { normaliseEmail, normalisePhone, personHash } from './calc/person.ts'
import { planTimes } from './calc/plan.ts'
import { inSample } from './calc/sample.ts'
import { findRule } from './rule.ts'
import type { InvitationChannel, InvitationStatus } from './schema.ts'

/** A contact moment as validated by the API (or a CSV row, or a notification). */
export interface ContactMomentInput {
  /** Id of the survey to invite for. */
  surveyId: string
  /** Product code of the organisation. */
  product?: string | null
  /** Channel code of the contact (balie, telefoon, …). */
  channel?: string | null
  caseReference?: string | null
  contact: { email?: string | null; phone?: string | null }
  language?: string | null
  occurredAt: Date
  externalId?: string | null
  source: 'api' | 'csv' | 'notification'
}

/** What was decided. `created` is false when an earlier call with the same external id is answered. */
export interface ContactMomentResult {
  id: string
  created: boolean
  invitation: { id: string; status: InvitationStatus; sendAt: Date | null }
}

/** What the use case needs besides the database. */
export interface PlanningDeps {
  /** The invitation key (keys.ts): person hashes and sampling. */
  key: string
  calendar: WorkingDayCalendar
  now: Date
}

/** Statuses of an invitation that was (or will be) sent: these count for dedupe and suppression. */
export const INVITED: InvitationStatus[] = [
  'planned',
  'sent',
  'reminded',
  'bounced',
  'started',
  'completed',
  'expired',
]

/** Records the contact moment and its invitation decision; throws ValidationError listing every bad field. */
export async function recordContactMoment(
  db: Kysely<Database>,
  ctx: WriteContext,
  input: ContactMomentInput,
  deps: PlanningDeps,
): Promise<ContactMomentResult> {
  const org = ctx.organisationId
  if (input.externalId) {
    const earlier = await findByExternalId(db, org, input.externalId)
    if (earlier) return earlier
  }
  const errors: { name: string; reason: string }[] = []
  const survey = await db
    .selectFrom('survey')
    .select('id')
    .where('organisation_id', '=', org)
    .where('id', '=', input.surveyId)
    .executeTakeFirst()
  if (!survey) errors.push({ name: 'survey', reason: 'No survey with this id in the organisation.' })
  const productId = input.product ? await codeToId(db, 'product', org, input.product) : null
  if (input.product && !productId) errors.push({ name: 'product', reason: 'Unknown product code.' })
  const channelId = input.channel ? await codeToId(db, 'channel', org, input.channel) : null
  if (input.channel && !channelId) errors.push({ name: 'channel', reason: 'Unknown channel code.' })
  const email = input.contact.email ? normaliseEmail(input.contact.email) : null
  if (input.contact.email && !email)
    errors.push({ name: 'contact.email', reason: 'Not a valid e-mail address.' })
  const phone = input.contact.phone ? normalisePhone(input.contact.phone) : null
  if (input.contact.phone && !phone)
    errors.push({ name: 'contact.phone', reason: 'Not a valid phone number.' })
  if (!input.contact.email && !input.contact.phone)
    errors.push({ name: 'contact', reason: 'Give an e-mail address or a phone number.' })
  const rule = survey ? await findRule(db, org, survey.id, productId) : null
  if (survey && !rule) errors.push({ name: 'survey', reason: 'The survey has no invitation rule.' })
  if (errors.length || !rule) throw new ValidationError(errors, 'The contact moment is not valid.')

  // The rule's channel when its address was given, else the other one (a phone call gives a number).
  const channel: InvitationChannel =
    (rule.channel === 'email' && email) || (rule.channel === 'sms' && !phone) ? 'email' : 'sms'
  const address = (channel === 'email' ? email : phone) as string
  const hash = personHash(deps.key, channel, address)
  const id = newId()
  const invitationId = newId()
  try {
    return await db.transaction().execute(async (trx) => {
      // Two contact moments of one person (or one case) at once must not both pass the checks.
      await lock(trx, `${org}:person:${hash}`)
      if (input.caseReference) await lock(trx, `${org}:case:${input.surveyId}:${input.caseReference}`)
      await trx
        .insertInto('contact_moment')
        .values({
          organisation_id: org,
          id,
          survey_id: input.surveyId,
          product_id: productId,
          channel_id: channelId,
          case_reference: input.caseReference ?? null,
          occurred_at: input.occurredAt,
          language: input.language ?? 'nl',
          source: input.source,
          external_id: input.externalId ?? null,
        })
        .execute()
      const planned = planTimes(input.occurredAt, deps.now, rule.delivery, deps.calendar)
      const status = await decide(trx, org, { id, input, hash, rule, sendAt: planned.sendAt, key: deps.key })
      const isPlanned = status === 'planned'
      await trx
        .insertInto('invitation')
        .values({
          organisation_id: org,
          id: invitationId,
          contact_moment_id: id,
          survey_id: input.surveyId,
          rule_id: rule.id,
          status,
          channel,
          language: input.language ?? 'nl',
          person_hash: hash,
          address: isPlanned ? address : null,
          send_at: isPlanned ? planned.sendAt : null,
          remind_at: isPlanned ? planned.remindAt : null,
          expires_at: isPlanned ? planned.expiresAt : null,
        })
        .execute()
      // No address and no case reference in events: the audit trail outlives the personal data.
      await trx
        .insertInto('event')
        .values([
          eventRow(ctx, {
            type: 'contact-moment.received',
            subjectType: 'contact_moment',
            subjectId: id,
            data: { surveyId: input.surveyId, source: input.source, channel: input.channel ?? null },
          }),
          eventRow(ctx, {
            type: isPlanned ? 'invitation.planned' : 'invitation.declined',
            subjectType: 'invitation',
            subjectId: invitationId,
            data: {
              contactMomentId: id,
              status,
              channel,
              ...(isPlanned ? { sendAt: planned.sendAt.toISOString() } : {}),
            },
          }),
        ])
        .execute()
      return {
        id,
        created: true,
        invitation: { id: invitationId, status, sendAt: isPlanned ? planned.sendAt : null },
      }
    })
  } catch (error) {
    // Two calls with the same external id at once: the loser answers what the winner stored.
    if (input.externalId && (error as { code?: string }).code === '23505') {
      const earlier = await findByExternalId(db, org, input.externalId)
      if (earlier) return earlier
    }
    throw error
  }
}

async function decide(
  trx: Transaction<Database>,
  org: string,
  d: {
    id: string
    input: ContactMomentInput
    hash: string
    rule: { samplePercent: number; suppressionDays: number }
    sendAt: Date
    key: string
  },
): Promise<InvitationStatus> {
  if (!inSample(d.key, d.id, d.rule.samplePercent)) return 'not_sampled'
  if (d.input.caseReference) {
    // Served by contact_moment_case_idx and the invitation's unique (organisation_id, contact_moment_id).
    const same = await trx
      .selectFrom('contact_moment as m')
      .innerJoin('invitation as i', (j) =>
        j.onRef('i.organisation_id', '=', 'm.organisation_id').onRef('i.contact_moment_id', '=', 'm.id'),
      )
      .select('i.id')
      .where('m.organisation_id', '=', org)
      .where('m.survey_id', '=', d.input.surveyId)
      .where('m.case_reference', '=', d.input.caseReference)
      .where('m.id', '<>', d.id)
      .where('i.status', 'in', INVITED)
      .limit(1)
      .executeTakeFirst()
    if (same) return 'duplicate'
  }
  const optedOut = await trx
    .selectFrom('opt_out')
    .select('person_hash')
    .where('organisation_id', '=', org)
    .where('person_hash', '=', d.hash)
    .executeTakeFirst()
  if (optedOut) return 'opted_out'
  if (d.rule.suppressionDays > 0) {
    // Served by invitation_person_idx: any survey, planned or sent within the window before this send.
    const since = new Date(d.sendAt.getTime() - d.rule.suppressionDays * 86_400_000)
    const recent = await trx
      .selectFrom('invitation')
      .select('id')
      .where('organisation_id', '=', org)
      .where('person_hash', '=', d.hash)
      .where('send_at', '>', since)
      .where('status', 'in', INVITED)
      .limit(1)
      .executeTakeFirst()
    if (recent) return 'suppressed'
  }
  return 'planned'
}

/** A transaction-scoped advisory lock on a text key. */
async function lock(trx: Transaction<Database>, key: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx)
}

async function codeToId(db: Kysely<Database>, table: 'product' | 'channel', org: string, code: string) {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', org)
    .where('code', '=', code)
    .executeTakeFirst()
  return row?.id ?? null
}

async function findByExternalId(
  db: Kysely<Database>,
  org: string,
  externalId: string,
): Promise<ContactMomentResult | null> {
  // Served by contact_moment_external_idx.
  const row = await db
    .selectFrom('contact_moment as m')
    .innerJoin('invitation as i', (j) =>
      j.onRef('i.organisation_id', '=', 'm.organisation_id').onRef('i.contact_moment_id', '=', 'm.id'),
    )
    .select(['m.id', 'i.id as invitationId', 'i.status', 'i.send_at'])
    .where('m.organisation_id', '=', org)
    .where('m.external_id', '=', externalId)
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    created: false,
    invitation: { id: row.invitationId, status: row.status, sendAt: row.send_at },
  }
}
