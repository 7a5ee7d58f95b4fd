import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff, createPublishedSurvey } from '../../../test/factories.ts'
import { startTestServer, type TestServer } from '../../../test/server.ts'
import { assertProblem, type StaffSession, staffSession } from '../../../test/staff.ts'
import { newId } from '../../platform/db/ids.ts'
import { standardDefinition } from '../surveys/definition/standard.ts'
import { personHash } from './calc/person.ts'
import { seedDefaultRule } from './default-rule.ts'
import { invitationKey } from './keys.ts'

let t: TestDatabase
let server: TestServer
type Org = Awaited<ReturnType<typeof createOrganisationWithStaff>>
let admin: Org
let other: Org
let viewer: Org
let secondSurveyId: string
const sessions = new Map<string, StaffSession>()

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  admin = await createOrganisationWithStaff(t.services, 'admin')
  other = await createOrganisationWithStaff(t.services, 'admin')
  viewer = await createOrganisationWithStaff(t.services, 'viewer')
  await t.services.db
    .insertInto('product')
    .values({
      organisation_id: admin.org.id,
      id: newId(),
      code: 'paspoort',
      name: 'Paspoort',
      department_id: null,
    })
    .execute()
  const second = await createPublishedSurvey(t.services, admin.org.id, {
    ...standardDefinition(),
    title: { nl: 'Tweede vragenlijst' },
  })
  secondSurveyId = second.id
  await seedDefaultRule(t.services.db, { organisationId: admin.org.id, actor: { type: 'system' } }, second.id)
})
after(async () => {
  await server.close()
  await t.dispose()
})

async function session(o: Org) {
  let s = sessions.get(o.email)
  if (!s) {
    s = await staffSession(server.url, o.email, `/o/${o.org.slug}`)
    sessions.set(o.email, s)
  }
  return s
}

async function post(o: Org, body: unknown, as: Org | null = o) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (as) {
    const s = await session(as)
    headers.cookie = s.cookie
    headers['x-csrf-token'] = s.csrf
  }
  return fetch(`${server.url}/api/v1/organisations/${o.org.slug}/contact-moments`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
}

let n = 0
/** A valid contact moment for the admin's standard survey, with a fresh address and case. */
function moment(extra: Record<string, unknown> = {}) {
  n += 1
  return {
    survey: admin.survey.id,
    channel: 'balie',
    caseReference: `Z-2026-${String(n).padStart(6, '0')}`,
    contact: { email: `inwoner${n}@example.nl` },
    occurredAt: '2026-11-23T14:00:00+01:00',
    ...extra,
  }
}

async function invitationOf(contactMomentId: string) {
  return t.services.db
    .selectFrom('invitation')
    .selectAll()
    .where('contact_moment_id', '=', contactMomentId)
    .executeTakeFirstOrThrow()
}

describe('POST /api/v1/organisations/{slug}/contact-moments', () => {
  it('plans an invitation for the next working day and stores the address only then', async () => {
    const res = await post(admin, moment({ product: 'paspoort', language: 'nl' }))
    assert.equal(res.status, 201)
    const body = (await res.json()) as { id: string; invitation: { status: string; sendAt: string } }
    assert.equal(body.invitation.status, 'planned')
    const sendAt = new Date(body.invitation.sendAt)
    assert.ok(sendAt.getTime() > Date.now(), 'sent in the future')
    const row = await invitationOf(body.id)
    assert.equal(row.status, 'planned')
    assert.equal(row.address, `inwoner${n}@example.nl`)
    assert.equal(row.channel, 'email')
    assert.match(row.person_hash ?? '', /^[0-9a-f]{64}$/)
    assert.ok(row.expires_at && row.expires_at > sendAt)
    assert.ok(row.remind_at && row.remind_at > sendAt)
    const moment_ = await t.services.db
      .selectFrom('contact_moment')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow()
    assert.equal(moment_.source, 'api')
    assert.equal(moment_.survey_id, admin.survey.id)
    const events = await t.services.db
      .selectFrom('event')
      .select(['type', 'data'])
      .where('organisation_id', '=', admin.org.id)
      .where('subject_id', 'in', [body.id, row.id])
      .execute()
    assert.deepEqual(events.map((e) => e.type).sort(), ['contact-moment.received', 'invitation.planned'])
    assert.ok(!JSON.stringify(events).includes('@example.nl'), 'no address in the audit trail')
  })

  it('answers a retry with the same externalId with the first decision (200), storing nothing new', async () => {
    const body = moment({ externalId: 'crm-4711' })
    const first = await post(admin, body)
    assert.equal(first.status, 201)
    const again = await post(admin, { ...body, contact: { email: 'someone-else@example.nl' } })
    assert.equal(again.status, 200)
    const [a, b] = [await first.json(), await again.json()]
    assert.deepEqual(b, a)
    const count = await t.services.db
      .selectFrom('contact_moment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', admin.org.id)
      .where('external_id', '=', 'crm-4711')
      .executeTakeFirstOrThrow()
    assert.equal(Number(count.n), 1)
  })

  it('decides duplicate for a second contact moment of the same case and survey, without the address', async () => {
    const first = moment()
    assert.equal((await post(admin, first)).status, 201)
    const res = await post(admin, moment({ caseReference: first.caseReference }))
    assert.equal(res.status, 201)
    const body = (await res.json()) as { id: string; invitation: { status: string; sendAt?: string } }
    assert.deepEqual(body.invitation, { status: 'duplicate' })
    const row = await invitationOf(body.id)
    assert.equal(row.address, null)
    assert.equal(row.send_at, null)
  })

  it('decides suppressed for the same person within 90 days, across surveys, comparing normalised addresses', async () => {
    const first = moment({ contact: { email: 'Sanne.de.Vries@Example.nl' } })
    assert.equal((await post(admin, first)).status, 201)
    const res = await post(
      admin,
      moment({ survey: secondSurveyId, contact: { email: '  sanne.de.vries@example.nl ' } }),
    )
    const body = (await res.json()) as { id: string; invitation: { status: string } }
    assert.equal(body.invitation.status, 'suppressed')
    assert.equal((await invitationOf(body.id)).address, null)
  })

  it('decides opted_out for a person on the opt-out list', async () => {
    const key = await invitationKey(t.services.db, t.services.config.SESSION_SECRET)
    await t.services.db
      .insertInto('opt_out')
      .values({
        organisation_id: admin.org.id,
        person_hash: personHash(key, 'email', 'weg@example.nl'),
        method: 'staff',
        invitation_id: null,
      })
      .execute()
    const res = await post(admin, moment({ contact: { email: 'WEG@example.nl' } }))
    const body = (await res.json()) as { id: string; invitation: { status: string } }
    assert.equal(body.invitation.status, 'opted_out')
    assert.equal((await invitationOf(body.id)).address, null)
  })

  it('decides not_sampled when the rule samples 0%', async () => {
    await t.services.db
      .updateTable('invitation_rule')
      .set({ sample_percent: 0 })
      .where('organisation_id', '=', admin.org.id)
      .where('survey_id', '=', secondSurveyId)
      .execute()
    try {
      const res = await post(admin, moment({ survey: secondSurveyId }))
      const body = (await res.json()) as { id: string; invitation: { status: string } }
      assert.equal(body.invitation.status, 'not_sampled')
      assert.equal((await invitationOf(body.id)).address, null)
    } finally {
      await t.services.db
        .updateTable('invitation_rule')
        .set({ sample_percent: 100 })
        .where('organisation_id', '=', admin.org.id)
        .where('survey_id', '=', secondSurveyId)
        .execute()
    }
  })

  it('invites by SMS when the contact moment only has a phone number', async () => {
    const res = await post(admin, moment({ contact: { phone: '06 12345678' } }))
    const body = (await res.json()) as { id: string; invitation: { status: string } }
    assert.equal(body.invitation.status, 'planned')
    const row = await invitationOf(body.id)
    assert.equal(row.channel, 'sms')
    assert.equal(row.address, '+31612345678')
  })

  it('lists every invalid field at once as problem+json', async () => {
    const res = await post(admin, {
      survey: 'not-a-uuid',
      contact: { email: 'x@example.nl' },
      occurredAt: 'gisteren',
      extra: true,
    })
    assertProblem(res, 400)
    const problem = (await res.json()) as { invalidParams: { name: string }[] }
    const names = problem.invalidParams.map((p) => p.name)
    assert.ok(names.includes('survey'), names.join())
    assert.ok(names.includes('occurredAt'), names.join())
  })

  it('refuses unknown codes, a bad address and a survey of another organisation, all at once', async () => {
    const res = await post(
      admin,
      moment({
        survey: other.survey.id,
        product: 'onbekend',
        channel: 'duif',
        contact: { email: 'geen-adres' },
      }),
    )
    assertProblem(res, 400)
    const problem = (await res.json()) as { invalidParams: { name: string }[] }
    assert.deepEqual(problem.invalidParams.map((p) => p.name).sort(), [
      'channel',
      'contact.email',
      'product',
      'survey',
    ])
  })

  it('refuses a contact moment without an address', async () => {
    const res = await post(admin, moment({ contact: {} }))
    assertProblem(res, 400)
  })

  it('refuses a body that is not JSON (415)', async () => {
    const s = await session(admin)
    const res = await fetch(`${server.url}/api/v1/organisations/${admin.org.slug}/contact-moments`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'text/plain' },
      body: 'hallo',
    })
    assertProblem(res, 415)
  })

  it('answers 401 without a session, 404 for another organisation and 403 for a viewer', async () => {
    assertProblem(await post(admin, moment(), null), 401)
    assertProblem(await post(other, moment(), admin), 404)
    assertProblem(await post(viewer, { ...moment(), survey: viewer.survey.id }), 403)
  })

  it('gives every standard survey the default rule', async () => {
    const rule = await t.services.db
      .selectFrom('invitation_rule')
      .selectAll()
      .where('organisation_id', '=', other.org.id)
      .where('survey_id', '=', other.survey.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(
      {
        delay: [rule.delay_kind, rule.delay_at],
        quiet: [rule.quiet_from, rule.quiet_to],
        rest: [
          rule.sample_percent,
          rule.suppression_days,
          rule.reminder_after_days,
          rule.expiry_days,
          rule.channel,
        ],
      },
      {
        delay: ['next_working_day', '10:00'],
        quiet: ['21:00', '08:00'],
        rest: [100, 90, 7, 14, 'email'],
      },
    )
  })
})
