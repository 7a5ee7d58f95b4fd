/**
 * Use case: record contact moments and decide, in the same transaction, whether and when to invite each
 * person (decision 0010). An acknowledged contact moment therefore always has its decision.
 *
 * The decision, in this order (the first that applies wins; calc/decide-batch.ts):
 * 1. `not_sampled` — the rule's sample percentage leaves this contact moment out (deterministic per id);
 * 2. `duplicate` — the same survey already invited for this case reference;
 * 3. `opted_out` — the person (keyed hash of the address) opted out of this organisation's invitations;
 * 4. `suppressed` — the person has an invitation planned or sent within the rule's suppression days,
 *    for any survey of the organisation;
 * 5. otherwise `planned`, with the send, reminder and expiry times of the rule (calc/plan.ts).
 * Only a planned invitation stores the address; every decision stores the hash.
 *
 * One code path plans batches (decision 0019): up to PLANNING_BATCH_SIZE contact moments per
 * transaction, with a few set-based statements for the whole batch (plan-batch-store.ts), decided row by
 * row in input order, so a later row sees the decisions of earlier ones exactly as if each had been
 * recorded alone. recordContactMoment is a batch of one.
 */
import type { Kysely, Transaction } from 'kysely'
import type { WorkingDayCalendar } from '../../platform/calendar/index.ts'
import { eventRow, type WriteContext } from '../../platform/db/audit.ts'
import { newId } from '../../platform/db/ids.ts'
import { type InvalidParam, ValidationError } from '../../platform/errors.ts'
import type { Database } from '../database.ts'
import { type DecisionRow, decideBatch } from './calc/decide-batch.ts'
import { normaliseEmail, normalisePhone, personHash } from './calc/person.ts'
import { type PlannedTimes, planTimes } from './calc/plan.ts'
import { inSample } from './calc/sample.ts'
import {
  caseKey,
  findByExternalIds,
  insertChunked,
  loadDecisionState,
  lockKeys,
  type StoredMoment,
} from './plan-batch-store.ts'
import { findRule, type InvitationRule } from './rule.ts'
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

/** Contact moments per transaction: big enough to amortise a round trip, small enough to hold locks briefly. */
export const PLANNING_BATCH_SIZE = 500
/** Batches retried after a concurrent call stored one of their external ids first. */
const EXTERNAL_ID_RETRIES = 3

/** Per input: what was decided, or why the input is not valid (nothing was stored for it). */
export type ContactMomentOutcome = ContactMomentResult | ValidationError

/** Records the contact moment and its invitation decision; throws ValidationError listing every bad field. */
export async function recordContactMoment(
  db: Kysely<Database>,
  ctx: WriteContext,
  input: ContactMomentInput,
  deps: PlanningDeps,
): Promise<ContactMomentResult> {
  const [outcome] = await recordContactMoments(db, ctx, [input], deps)
  if (!outcome || outcome instanceof ValidationError) throw outcome
  return outcome
}

/**
 * Records contact moments in input order, PLANNING_BATCH_SIZE per transaction, and answers one outcome
 * per input: the decision, or a ValidationError with the same fields as recordContactMoment would throw.
 */
export async function recordContactMoments(
  db: Kysely<Database>,
  ctx: WriteContext,
  inputs: readonly ContactMomentInput[],
  deps: PlanningDeps,
): Promise<ContactMomentOutcome[]> {
  const outcomes: ContactMomentOutcome[] = []
  for (let i = 0; i < inputs.length; i += PLANNING_BATCH_SIZE)
    outcomes.push(...(await planBatch(db, ctx, inputs.slice(i, i + PLANNING_BATCH_SIZE), deps)))
  return outcomes
}

/** A valid input, ready to decide and store. */
interface Prepared {
  index: number
  input: ContactMomentInput
  id: string
  invitationId: string
  productId: string | null
  channelId: string | null
  rule: InvitationRule
  channel: InvitationChannel
  address: string
  hash: string
  times: PlannedTimes
}

async function planBatch(
  db: Kysely<Database>,
  ctx: WriteContext,
  inputs: readonly ContactMomentInput[],
  deps: PlanningDeps,
  attempt = 0,
): Promise<ContactMomentOutcome[]> {
  const org = ctx.organisationId
  const externalIds = [...new Set(inputs.flatMap((i) => (i.externalId ? [i.externalId] : [])))]
  const earlier = await findByExternalIds(db, org, externalIds)
  const lookups = await loadLookups(db, org, inputs)
  const outcomes: (ContactMomentOutcome | undefined)[] = new Array(inputs.length)
  // External id → the row of this batch that records it; a repeat answers that row's decision.
  const firstInBatch = new Map<string, Prepared>()
  const repeats: { index: number; of: Prepared }[] = []
  const prepared: Prepared[] = []
  for (const [index, input] of inputs.entries()) {
    const stored = input.externalId ? earlier.get(input.externalId) : undefined
    const first = input.externalId ? firstInBatch.get(input.externalId) : undefined
    if (stored) outcomes[index] = answered(stored)
    else if (first) repeats.push({ index, of: first })
    else {
      const row = prepare(index, input, lookups, deps)
      if (row instanceof ValidationError) outcomes[index] = row
      else {
        prepared.push(row)
        if (input.externalId) firstInBatch.set(input.externalId, row)
      }
    }
  }
  if (prepared.length === 0) return outcomes as ContactMomentOutcome[]
  let statuses: InvitationStatus[]
  try {
    statuses = await db.transaction().execute((trx) => storeBatch(trx, ctx, prepared, deps))
  } catch (error) {
    // A concurrent call stored one of these external ids first: plan the batch again, which answers it.
    if (externalIds.length && (error as { code?: string }).code === '23505' && attempt < EXTERNAL_ID_RETRIES)
      return planBatch(db, ctx, inputs, deps, attempt + 1)
    throw error
  }
  const results = new Map<Prepared, ContactMomentResult>()
  prepared.forEach((row, i) => {
    const status = statuses[i] as InvitationStatus
    const result = {
      id: row.id,
      created: true,
      invitation: { id: row.invitationId, status, sendAt: status === 'planned' ? row.times.sendAt : null },
    }
    results.set(row, result)
    outcomes[row.index] = result
  })
  for (const r of repeats) {
    const first = results.get(r.of) as ContactMomentResult
    outcomes[r.index] = answered(first)
  }
  return outcomes as ContactMomentOutcome[]
}

/** Locks, reads the state, decides and inserts the batch; answers the statuses in the order of `rows`. */
async function storeBatch(
  trx: Transaction<Database>,
  ctx: WriteContext,
  rows: readonly Prepared[],
  deps: PlanningDeps,
): Promise<InvitationStatus[]> {
  const org = ctx.organisationId
  // Two contact moments of one person (or one case) at once must not both pass the checks.
  await lockKeys(trx, [
    ...rows.map((r) => `${org}:person:${r.hash}`),
    ...rows.flatMap((r) =>
      r.input.caseReference ? [`${org}:case:${r.input.surveyId}:${r.input.caseReference}`] : [],
    ),
  ])
  const windows = rows
    .filter((r) => r.rule.suppressionDays > 0)
    .map((r) => r.times.sendAt.getTime() - r.rule.suppressionDays * 86_400_000)
  const state = await loadDecisionState(trx, org, {
    invited: INVITED,
    surveyIds: [...new Set(rows.map((r) => r.input.surveyId))],
    caseReferences: [...new Set(rows.flatMap((r) => (r.input.caseReference ? [r.input.caseReference] : [])))],
    personHashes: [...new Set(rows.map((r) => r.hash))],
    since: windows.length ? new Date(Math.min(...windows)) : null,
  })
  const statuses = decideBatch(
    rows.map(
      (r): DecisionRow => ({
        sampled: inSample(deps.key, r.id, r.rule.samplePercent),
        caseKey: r.input.caseReference ? caseKey(r.input.surveyId, r.input.caseReference) : null,
        personHash: r.hash,
        sendAt: r.times.sendAt,
        suppressionDays: r.rule.suppressionDays,
      }),
    ),
    state,
  )
  await insertChunked(
    trx,
    'contact_moment',
    rows.map(({ input, id, productId, channelId }) => ({
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
    })),
  )
  await insertChunked(
    trx,
    'invitation',
    rows.map((r, i) => {
      const isPlanned = statuses[i] === 'planned'
      return {
        organisation_id: org,
        id: r.invitationId,
        contact_moment_id: r.id,
        survey_id: r.input.surveyId,
        rule_id: r.rule.id,
        status: statuses[i],
        channel: r.channel,
        language: r.input.language ?? 'nl',
        person_hash: r.hash,
        address: isPlanned ? r.address : null,
        send_at: isPlanned ? r.times.sendAt : null,
        remind_at: isPlanned ? r.times.remindAt : null,
        expires_at: isPlanned ? r.times.expiresAt : null,
      }
    }),
  )
  // No address and no case reference in events: the audit trail outlives the personal data.
  await insertChunked(
    trx,
    'event',
    rows.flatMap((r, i) => {
      const status = statuses[i] as InvitationStatus
      const isPlanned = status === 'planned'
      return [
        eventRow(ctx, {
          type: 'contact-moment.received',
          subjectType: 'contact_moment',
          subjectId: r.id,
          data: { surveyId: r.input.surveyId, source: r.input.source, channel: r.input.channel ?? null },
        }),
        eventRow(ctx, {
          type: isPlanned ? 'invitation.planned' : 'invitation.declined',
          subjectType: 'invitation',
          subjectId: r.invitationId,
          data: {
            contactMomentId: r.id,
            status,
            channel: r.channel,
            ...(isPlanned ? { sendAt: r.times.sendAt.toISOString() } : {}),
          },
        }),
      ]
    }),
  )
  return statuses
}

type Lookups = Awaited<ReturnType<typeof loadLookups>>

/** Surveys, product and channel codes, and rules of the batch: each looked up once. */
async function loadLookups(db: Kysely<Database>, org: string, inputs: readonly ContactMomentInput[]) {
  const distinct = (values: (string | null | undefined)[]) => [
    ...new Set(values.filter((v): v is string => !!v)),
  ]
  // A survey id that is not a UUID cannot exist; leaving it out keeps it from failing the whole query.
  const surveyIds = distinct(inputs.map((i) => i.surveyId)).filter((id) => UUID.test(id))
  const surveys = new Set(
    surveyIds.length
      ? (
          await db
            .selectFrom('survey')
            .select('id')
            .where('organisation_id', '=', org)
            .where('id', 'in', surveyIds)
            .execute()
        ).map((r) => r.id)
      : [],
  )
  const codes = async (table: 'product' | 'channel', wanted: string[]) =>
    new Map(
      wanted.length
        ? (
            await db
              .selectFrom(table)
              .select(['id', 'code'])
              .where('organisation_id', '=', org)
              .where('code', 'in', wanted)
              .execute()
          ).map((r) => [r.code, r.id] as const)
        : [],
    )
  const products = await codes('product', distinct(inputs.map((i) => i.product)))
  const channels = await codes('channel', distinct(inputs.map((i) => i.channel)))
  // The rule of each (survey, product) pair in the batch: usually one or two per batch.
  const rules = new Map<string, InvitationRule | null>()
  for (const input of inputs) {
    if (!surveys.has(input.surveyId)) continue
    const productId = (input.product && products.get(input.product)) || null
    const key = `${input.surveyId}:${productId ?? ''}`
    if (!rules.has(key)) rules.set(key, await findRule(db, org, input.surveyId, productId))
  }
  return { surveys, products, channels, rules }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Validates one input against the batch's lookups, as the single path always did, field by field. */
function prepare(
  index: number,
  input: ContactMomentInput,
  lookups: Lookups,
  deps: PlanningDeps,
): Prepared | ValidationError {
  const errors: InvalidParam[] = []
  const survey = lookups.surveys.has(input.surveyId)
  if (!survey) errors.push({ name: 'survey', reason: 'No survey with this id in the organisation.' })
  const productId = input.product ? (lookups.products.get(input.product) ?? null) : null
  if (input.product && !productId) errors.push({ name: 'product', reason: 'Unknown product code.' })
  const channelId = input.channel ? (lookups.channels.get(input.channel) ?? null) : null
  if (input.channel && !channelId) errors.push({ name: 'channel', reason: 'Unknown channel code.' })
  const email = input.contact.email ? normaliseEmail(input.contact.email) : null
  if (input.contact.email && !email)
    errors.push({ name: 'contact.email', reason: 'Not a valid e-mail address.' })
  const phone = input.contact.phone ? normalisePhone(input.contact.phone) : null
  if (input.contact.phone && !phone)
    errors.push({ name: 'contact.phone', reason: 'Not a valid phone number.' })
  if (!input.contact.email && !input.contact.phone)
    errors.push({ name: 'contact', reason: 'Give an e-mail address or a phone number.' })
  const rule = survey ? (lookups.rules.get(`${input.surveyId}:${productId ?? ''}`) ?? null) : null
  if (survey && !rule) errors.push({ name: 'survey', reason: 'The survey has no invitation rule.' })
  if (errors.length || !rule) return new ValidationError(errors, 'The contact moment is not valid.')

  // The rule's channel when its address was given, else the other one (a phone call gives a number).
  const channel: InvitationChannel =
    (rule.channel === 'email' && email) || (rule.channel === 'sms' && !phone) ? 'email' : 'sms'
  const address = (channel === 'email' ? email : phone) as string
  return {
    index,
    input,
    id: newId(),
    invitationId: newId(),
    productId,
    channelId,
    rule,
    channel,
    address,
    hash: personHash(deps.key, channel, address),
    times: planTimes(input.occurredAt, deps.now, rule.delivery, deps.calendar),
  }
}

/** The answer for an external id recorded before: nothing new stored. */
function answered(stored: StoredMoment): ContactMomentResult {
  return { id: stored.id, created: false, invitation: { ...stored.invitation } }
}
