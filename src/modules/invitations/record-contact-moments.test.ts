import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { dutchWorkingDays } from '../../platform/calendar/index.ts'
import { ValidationError } from '../../platform/errors.ts'
import { createOrganisation } from '../organisations/create-organisation.ts'
import { ensureStandardSurvey } from '../surveys/create-standard-survey.ts'
import { personHash } from './calc/person.ts'
import { invitationKey } from './keys.ts'
import {
  type ContactMomentInput,
  type ContactMomentOutcome,
  type ContactMomentResult,
  PLANNING_BATCH_SIZE,
  recordContactMoment,
  recordContactMoments,
} from './record-contact-moment.ts'

/**
 * Planning in batches (decision 0019) against the real database: a batch decides row by row in input
 * order, exactly as recording the same rows one at a time; invalid rows get their own errors; external
 * ids are answered; concurrent batches neither deadlock nor both plan one person. The standard survey's
 * default rule samples 100 % and suppresses for 90 days.
 */
let t: TestDatabase
let key: string
let n = 0
const now = new Date('2026-11-23T10:00:00Z')

before(async () => {
  t = await createTestDatabase()
  key = await invitationKey(t.services.db, t.services.config.SESSION_SECRET)
})
after(() => t.dispose())

async function organisation() {
  n += 1
  const org = await createOrganisation(t.services.db, { slug: `batch-${n}`, name: `Gemeente Batch ${n}` })
  const ctx = { organisationId: org.id, actor: { type: 'system' as const } }
  const survey = await ensureStandardSurvey(t.services.db, ctx)
  const input = (email: string, over: Partial<ContactMomentInput> = {}): ContactMomentInput => ({
    surveyId: survey.id,
    contact: { email },
    occurredAt: now,
    source: 'csv',
    ...over,
  })
  return { org, ctx, survey, input }
}

const deps = () => ({ key, calendar: dutchWorkingDays(), now })
const ok = (o: ContactMomentOutcome | undefined): ContactMomentResult => {
  assert.ok(o && !(o instanceof ValidationError), String(o))
  return o
}
const statusOf = (o: ContactMomentOutcome | undefined) =>
  o instanceof ValidationError
    ? 'invalid'
    : o?.created
      ? o.invitation.status
      : `answered:${o?.invitation.status}`

describe('recording contact moments in batches', () => {
  it('decides a batch as recording its rows one at a time would', async () => {
    const rows = (input: Awaited<ReturnType<typeof organisation>>['input']) => [
      input('a@example.nl', { caseReference: 'Z-1' }),
      input('b@example.nl', { caseReference: 'Z-1' }),
      input('A@Example.nl '),
      input('c@example.nl', { product: 'onbekend' }),
      input('d@example.nl', { externalId: 'k-1' }),
      input('e@example.nl', { externalId: 'k-1' }),
      input('opgezegd@example.nl'),
      input('b@example.nl'),
    ]
    const one = await organisation()
    const two = await organisation()
    for (const o of [one, two])
      await t.services.db
        .insertInto('opt_out')
        .values({
          organisation_id: o.org.id,
          person_hash: personHash(key, 'email', 'opgezegd@example.nl'),
          method: 'staff',
        })
        .execute()
    const batch = await recordContactMoments(t.services.db, one.ctx, rows(one.input), deps())
    const single: ContactMomentOutcome[] = []
    for (const row of rows(two.input))
      single.push(await recordContactMoment(t.services.db, two.ctx, row, deps()).catch((e) => e))
    const expected = [
      'planned',
      'duplicate',
      'suppressed',
      'invalid',
      'planned',
      'answered:planned',
      'opted_out',
      'planned',
    ]
    assert.deepEqual(batch.map(statusOf), expected)
    assert.deepEqual(single.map(statusOf), expected)
    // A repeated external id answers the first row of the batch.
    assert.equal(ok(batch[5]).id, ok(batch[4]).id)
    assert.deepEqual(
      (batch[3] as ValidationError).invalidParams,
      (single[3] as ValidationError).invalidParams,
    )
  })

  it('stores one contact moment, one invitation and two events per valid row, and the address only when planned', async () => {
    const { org, ctx, input } = await organisation()
    const outcomes = await recordContactMoments(
      t.services.db,
      ctx,
      [input('x@example.nl'), input('x@example.nl'), input('', { contact: {} })],
      deps(),
    )
    assert.deepEqual(outcomes.map(statusOf), ['planned', 'suppressed', 'invalid'])
    const invitations = await t.services.db
      .selectFrom('invitation')
      .select(['status', 'address', 'send_at'])
      .where('organisation_id', '=', org.id)
      .orderBy('status')
      .execute()
    assert.deepEqual(
      invitations.map((i) => [i.status, i.address, i.send_at !== null]),
      [
        ['planned', 'x@example.nl', true],
        ['suppressed', null, false],
      ],
    )
    const events = await t.services.db
      .selectFrom('event')
      .select('type')
      .where('organisation_id', '=', org.id)
      .where('type', 'in', ['contact-moment.received', 'invitation.planned', 'invitation.declined'])
      .execute()
    assert.equal(events.length, 4)
  })

  it('answers an external id stored by an earlier batch without storing anything', async () => {
    const { org, ctx, input } = await organisation()
    const first = ok(
      (
        await recordContactMoments(t.services.db, ctx, [input('y@example.nl', { externalId: 'k-9' })], deps())
      )[0],
    )
    const again = ok(
      (
        await recordContactMoments(
          t.services.db,
          ctx,
          [input('other@example.nl', { externalId: 'k-9' })],
          deps(),
        )
      )[0],
    )
    assert.deepEqual(again, { ...first, created: false })
    const count = await t.services.db
      .selectFrom('contact_moment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow()
    assert.equal(Number(count.n), 1)
  })

  it('plans more rows than one batch, and later batches see the earlier ones', async () => {
    const { ctx, input } = await organisation()
    const size = PLANNING_BATCH_SIZE + 20
    const rows = Array.from({ length: size }, (_, i) => input(`p${i}@example.nl`))
    rows.push(input('p0@example.nl'))
    const outcomes = await recordContactMoments(t.services.db, ctx, rows, deps())
    assert.equal(outcomes.filter((o) => statusOf(o) === 'planned').length, size)
    assert.equal(statusOf(outcomes[size]), 'suppressed')
  })

  it('lets concurrent batches with the same persons in opposite order finish, planning each person once', async () => {
    const { ctx, input } = await organisation()
    const forward = Array.from({ length: 50 }, (_, i) => input(`q${i}@example.nl`))
    const backward = [...forward].reverse()
    const results = await Promise.all([
      recordContactMoments(t.services.db, ctx, forward, deps()),
      recordContactMoments(t.services.db, ctx, backward, deps()),
    ])
    const statuses = results.flat().map(statusOf)
    assert.equal(statuses.filter((s) => s === 'planned').length, 50)
    assert.equal(statuses.filter((s) => s === 'suppressed').length, 50)
  })

  it('answers the same contact moment to concurrent batches with one external id', async () => {
    const { ctx, input } = await organisation()
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        recordContactMoments(
          t.services.db,
          ctx,
          [input(`r${i}@example.nl`, { externalId: 'k-race' })],
          deps(),
        ),
      ),
    )
    const outcomes = results.flat().map(ok)
    assert.equal(new Set(outcomes.map((o) => o.id)).size, 1)
    assert.equal(outcomes.filter((o) => o.created).length, 1)
  })
})
