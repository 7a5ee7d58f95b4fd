import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import {
  createOrganisationWithStaff,
  createPublishedSurvey,
  publishNewVersion,
  TEST_PASSWORD,
} from '../../../test/factories.ts'
import { everyTypeSurvey } from '../../../test/fixtures/every-type-survey.ts'
import { startTestServer, type TestServer } from '../../../test/server.ts'
import { assertProblem, getOrganisationApi } from '../../../test/staff.ts'
import { newId } from '../../platform/db/ids.ts'
import { addStaffMember } from '../organisations/index.ts'
import { clearSurveyCache, loadPublicSurvey } from '../surveys/index.ts'
import { findResponse, listResponses } from './list-responses.ts'
import { startPartialResponse } from './partial-response.ts'
import { presentResponse, presentResponseDetail } from './present.ts'
import { resolveContext } from './submit-response.ts'
import { validateAnswers } from './validate-answers.ts'

let t: TestDatabase
let server: TestServer
type Org = Awaited<ReturnType<typeof createOrganisationWithStaff>>
let admin: Org
let other: Org
const staff = { analyst: '', handler: '', viewer: '' }
let s1: { id: string; publicKey: string }
let s2: { id: string; publicKey: string }
/** r1: every type answered through the public API in its simplest form; r2: the richer JSON forms. */
let r1: string
let r2: string
let foreign: string

/** [question code, answer as submitted, answer as the API must show it], written out by hand. */
type Case = [string, unknown, unknown]
/** r1: every question type, in the forms the public JSON API takes (numbers and strings). */
const R1: Case[] = [
  ['cijfer', 4, 4],
  ['gevoel', 'neutral', { value: 'neutral', reason: null }],
  ['moeite', 5, 5],
  ['aanbevelen', 0, 0],
  ['duidelijk', 'dont_know', 'dont_know'],
  ['vriendelijk', '5', 5],
  ['serieus', 2, 2],
  ['wat_mis', 'Ik moest lang wachten.', 'Ik moest lang wachten.'],
  ['reden', 'paspoort', 'paspoort'],
  ['kanalen', 'website', ['website']],
  ['eerder', 'no', false],
  ['bezoekdatum', '17-3-2026', '2026-03-17'],
  ['toelichting', 'Verder prima.', 'Verder prima.'],
  ['mag_bellen', 'yes', true],
  ['mag_citeren', 'no', false],
]
const OTHER = { value: 'other', other: 'Verhuizing doorgeven' }
/** r2: the richer JSON forms: a smiley with its reason, "other" with text, several choices, booleans. */
const R2: Case[] = [
  ['cijfer', 9, 9],
  ['gevoel', { value: 'positive', reason: 'snel' }, { value: 'positive', reason: 'snel' }],
  ['reden', OTHER, OTHER],
  ['kanalen', ['brief', 'telefoon'], ['telefoon', 'brief']],
  ['eerder', true, true],
  ['bezoekdatum', '2026-03-02', '2026-03-02'],
  ['mag_bellen', false, false],
]
const shown = (cases: Case[]) => Object.fromEntries(cases.map(([code, , out]) => [code, out]))

/** Submits through the public JSON API, as a client would. */
async function viaApi(publicKey: string, body: Record<string, unknown>) {
  const res = await fetch(`${server.url}/api/v1/surveys/${publicKey}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  assert.equal(res.status, 201, await res.clone().text())
  return (await res.json()).id as string
}

/** Stores the first screen of a response that is never finished (status partial). */
async function partial(publicKey: string, cijfer: number) {
  const survey = await loadPublicSurvey(t.services.db, publicKey)
  const scope = new Set(survey.definition.pages[0]?.questions.map((q) => q.code))
  const { values, consents } = validateAnswers(survey, { cijfer }, { rejectUnknown: true, scope })
  const key = `partial-${newId()}`
  const context = resolveContext(survey, { answers: {}, channel: 'balie', strict: false })
  const screen = { values, consents, screenReached: 1, language: 'nl', complete: false }
  const keys = { submissionKey: key, resumeToken: key }
  await startPartialResponse(t.services.db, survey, { ...keys, context, ...screen })
}

const get = (path: string, as: string | null) => getOrganisationApi(server.url, path, as)
const list = (query: string, as: string | null = admin.email, slug = admin.org.slug) =>
  get(`${slug}/responses${query}`, as)

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  admin = await createOrganisationWithStaff(t.services, 'admin')
  other = await createOrganisationWithStaff(t.services, 'admin')
  const ctx = { organisationId: admin.org.id, actor: { type: 'system' as const } }
  const member = { displayName: 'Medewerker', password: TEST_PASSWORD }
  for (const role of ['analyst', 'handler', 'viewer'] as const) {
    staff[role] = `${role}@${admin.org.slug}.test`
    await addStaffMember(t.services.db, ctx, { ...member, email: staff[role], role })
  }
  await sql`INSERT INTO product (organisation_id, id, code, name)
            VALUES (${admin.org.id}, ${newId()}, 'paspoort', 'Paspoort')`.execute(t.services.db)
  s1 = await createPublishedSurvey(t.services, admin.org.id, everyTypeSurvey())
  s2 = await createPublishedSurvey(t.services, admin.org.id, everyTypeSurvey())
  r1 = await viaApi(s1.publicKey, {
    channel: 'balie',
    caseReference: 'Z-2026-1',
    answers: Object.fromEntries(R1.map(([code, given]) => [code, given])),
  })
  r2 = await viaApi(s1.publicKey, {
    channel: 'website',
    hidden: { product: 'paspoort' },
    language: 'en',
    answers: Object.fromEntries(R2.map(([code, given]) => [code, given])),
  })
  const channels = ['balie', 'telefoon', 'website', undefined]
  for (let i = 0; i < 9; i += 1)
    await viaApi(s1.publicKey, {
      answers: { cijfer: 1 + i },
      channel: channels[i % 4],
      ...(i % 3 === 0 ? { caseReference: 'Z-2026-2' } : {}),
    })
  const s2Response = { answers: { cijfer: 7 }, hidden: { product: 'paspoort' }, language: 'en' }
  for (let i = 0; i < 3; i += 1) await viaApi(s2.publicKey, s2Response)
  await partial(s1.publicKey, 3)
  await partial(s2.publicKey, 8)
  await publishNewVersion(t.services, admin.org.id, s1.id, everyTypeSurvey())
  clearSurveyCache()
  for (let i = 0; i < 3; i += 1) await viaApi(s1.publicKey, { answers: { cijfer: 6 }, channel: 'balie' })
  const otherSurvey = await createPublishedSurvey(t.services, other.org.id, everyTypeSurvey())
  foreign = await viaApi(otherSurvey.publicKey, { answers: { cijfer: 8 }, caseReference: 'Z-2026-1' })
  // Spread the responses over days, the first three in the same instant: the order must still be stable.
  await sql`UPDATE response r SET submitted_at = timestamptz '2026-03-20T12:00:00Z' - make_interval(days => n.i)
    FROM (SELECT id, CASE WHEN row_number() OVER (ORDER BY id) <= 3 THEN 0
                          ELSE (row_number() OVER (ORDER BY id))::int - 1 END AS i
            FROM response WHERE organisation_id = ${admin.org.id}) n
   WHERE r.organisation_id = ${admin.org.id} AND r.id = n.id`.execute(t.services.db)
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

/** The organisation's responses straight from the tables: the tests filter and order them themselves. */
const allRows = () =>
  t.services.db
    .selectFrom('response as r')
    .leftJoin('channel as c', 'c.id', 'r.channel_id')
    .leftJoin('product as p', 'p.id', 'r.product_id')
    .select(['r.id', 'r.survey_id as survey', 'r.survey_version as version', 'r.status', 'r.language'])
    .select(['r.submitted_at as at', 'c.code as channel', 'p.code as product'])
    .select('r.case_reference as caseReference')
    .where('r.organisation_id', '=', admin.org.id)
    .execute()
type Row = Awaited<ReturnType<typeof allRows>>[number]

/** Ids of the rows kept, newest first, ties by id (descending). */
async function expected(keep: (r: Row) => boolean = (r) => r.status === 'complete') {
  return (await allRows())
    .filter(keep)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1))
    .map((r) => r.id)
}

const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id)

describe('GET /api/v1/organisations/{slug}/responses', () => {
  it('answers 401 without a session, 404 for another organisation and 403 for a viewer', async () => {
    const anon = await list('', null)
    assertProblem(anon, 401)
    assert.equal((await list('', admin.email, other.org.slug)).status, 404)
    assert.equal((await list('', staff.viewer)).status, 403)
  })

  it('answers 400 listing every invalid query parameter at once', async () => {
    const res = await list(
      '?page=0&pageSize=101&status=done&survey=x&version=0&submittedFrom=yesterday&submittedTo=2026-13-01&language=NL',
    )
    assert.equal(res.status, 400)
    const names = (await res.json()).invalidParams.map((p: { name: string }) => p.name).sort()
    assert.equal(names.join(), 'language,page,pageSize,status,submittedFrom,submittedTo,survey,version')
    const reversed = await list('?submittedFrom=2026-03-10T00:00:00Z&submittedTo=2026-03-01T00:00:00Z')
    const [only] = (await reversed.json()).invalidParams
    assert.equal(only.name, 'submittedTo')
  })

  it('lists complete responses newest first by default, only of this organisation', async () => {
    const res = await list('')
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('api-version'), '1.0.0')
    const body = await res.json()
    const ids = await expected()
    assert.equal(body.total, ids.length)
    assert.deepEqual(idsOf(body), ids.slice(0, 20))
    assert.deepEqual([body.page, body.pageSize], [1, 20])
    assert.ok(!idsOf(body).includes(foreign))
  })

  const cases: [string, (r: Row) => boolean][] = [
    ['status=partial', (r) => r.status === 'partial'],
    ['status=all', () => true],
    ['survey=S2', (r) => r.survey === s2.id && r.status === 'complete'],
    ['survey=S1&version=2', (r) => r.survey === s1.id && r.version === 2 && r.status === 'complete'],
    ['channel=balie', (r) => r.channel === 'balie' && r.status === 'complete'],
    ['product=paspoort', (r) => r.product === 'paspoort' && r.status === 'complete'],
    ['caseReference=Z-2026-2', (r) => r.caseReference === 'Z-2026-2' && r.status === 'complete'],
    ['language=en&status=all', (r) => r.language === 'en'],
    // Both bounds fall exactly on a response: from is inclusive, to exclusive.
    [
      'submittedFrom=2026-03-12T13:00:00%2B01:00&submittedTo=2026-03-17T12:00:00Z',
      (r) =>
        r.status === 'complete' &&
        r.at >= new Date('2026-03-12T12:00:00Z') &&
        r.at < new Date('2026-03-17T12:00:00Z'),
    ],
  ]
  for (const [query, keep] of cases) {
    it(`filters by ${query} as counted in the tables`, async () => {
      const q = query.replace('S1', () => s1.id).replace('S2', () => s2.id)
      const body = await (await list(`?${q}&pageSize=100`)).json()
      const ids = await expected(keep)
      assert.ok(ids.length > 0, 'the filter matches something')
      assert.notDeepEqual(ids, await expected(), 'the filter changes the default list')
      assert.equal(body.total, ids.length)
      assert.deepEqual(idsOf(body), ids)
    })
  }

  it('pages in a stable order and links the pages (RFC 8288)', async () => {
    const ids = await expected(() => true)
    const last = Math.ceil(ids.length / 4)
    const seen: string[] = []
    for (let page = 1; page <= last; page += 1) {
      const res = await list(`?status=all&page=${page}&pageSize=4`)
      const body = await res.json()
      seen.push(...idsOf(body))
      const link = res.headers.get('link') ?? ''
      assert.ok(link.includes(`status=all&page=${last}&pageSize=4>; rel="last"`), link)
      assert.equal(link.includes(`page=${page + 1}&pageSize=4>; rel="next"`), page < last)
      assert.equal(link.includes(`page=${page - 1}&pageSize=4>; rel="prev"`), page > 1)
    }
    assert.deepEqual(seen, ids)
  })

  it('records who read which responses, with the filter and count, in the audit trail', async () => {
    const reads = () =>
      t.services.db
        .selectFrom('event')
        .selectAll()
        .where('organisation_id', '=', admin.org.id)
        .where('type', '=', 'responses.read')
        .orderBy('occurred_at', 'desc')
        .execute()
    const before = (await reads()).length
    const body = await (await list('?channel=balie&pageSize=2')).json()
    const events = await reads()
    assert.equal(events.length, before + 1)
    const e = events[0]
    const account = await t.services.db.selectFrom('account').select('id').where('email', '=', admin.email)
    assert.equal(e?.actor_type, 'account')
    assert.equal(e?.actor_id, (await account.executeTakeFirstOrThrow()).id)
    assert.ok(e?.request_id)
    const { filter, ...counted } = e?.data as { filter: Record<string, unknown> }
    assert.deepEqual(filter, { channel: 'balie', status: 'complete' })
    assert.deepEqual(counted, { page: 1, pageSize: 2, count: 2, total: body.total, responseIds: idsOf(body) })
  })
})

describe('GET /api/v1/organisations/{slug}/responses/{responseId}', () => {
  const one = (id: string, as: string | null = admin.email, slug = admin.org.slug) =>
    get(`${slug}/responses/${id}`, as)

  it('answers 401, 404 for another organisation or its response, 403 for a viewer, 400 for a bad id', async () => {
    assert.equal((await one(r1, null)).status, 401)
    assert.equal((await one(r1, admin.email, other.org.slug)).status, 404)
    assert.equal((await one(foreign)).status, 404)
    assert.equal((await one(newId())).status, 404)
    assert.equal((await one(r1, staff.viewer)).status, 403)
    const bad = await one('42')
    assert.equal(bad.status, 400)
    assert.equal((await bad.json()).invalidParams[0].name, 'responseId')
  })

  it('answers every question type with a typed value, the context and the consents', async () => {
    const body = await (await one(r1)).json()
    assert.deepEqual(body.answers, shown(R1))
    assert.equal(body.surveyId, s1.id)
    assert.deepEqual(
      [body.surveyVersion, body.status, body.language, body.channel, body.product, body.caseReference],
      [1, 'complete', 'nl', 'balie', null, 'Z-2026-1'],
    )
    const consents = body.consents.map(
      (c: Record<string, unknown>) => `${c.purpose}:${c.given}:${c.withdrawnAt}`,
    )
    assert.deepEqual(consents, ['quoting:false:null', 'recontact:true:null'])
    assert.ok(!Number.isNaN(Date.parse(body.consents[0].recordedAt)))
  })

  it('answers smiley reasons, "other" with its text, several choices and booleans', async () => {
    const body = await (await one(r2)).json()
    assert.deepEqual(body.answers, shown(R2))
    assert.deepEqual([body.language, body.channel, body.product], ['en', 'website', 'paspoort'])
    const listed = await (await list(`?survey=${s1.id}&language=en&pageSize=100`)).json()
    const { consents: _, ...withoutConsents } = body
    assert.deepEqual(
      listed.items.find((i: { id: string }) => i.id === r2),
      withoutConsents,
    )
  })

  it('shows personal data to a handler (who may read it) and audits the read', async () => {
    const body = await (await one(r1, staff.handler)).json()
    assert.equal(body.answers.wat_mis, 'Ik moest lang wachten.')
    assert.equal(body.caseReference, 'Z-2026-1')
    const e = await t.services.db
      .selectFrom('event')
      .select(['subject_type', 'data'])
      .where('organisation_id', '=', admin.org.id)
      .where('type', '=', 'responses.read')
      .where('subject_id', '=', r1)
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow()
    assert.equal(e.subject_type, 'response')
    assert.deepEqual(e.data, { count: 1 })
  })
})

describe('what each role gets from the list and the one-response endpoint', () => {
  /** The fields of a response for a role that may read personal data, exactly. */
  const LISTED = [
    'answers',
    'caseReference',
    'channel',
    'collectionMode',
    'id',
    'language',
    'product',
    'status',
  ]
    .concat(['submittedAt', 'surveyId', 'surveyVersion'])
    .sort()
  const emailOf = (role: 'admin' | 'analyst' | 'handler' | 'viewer') =>
    role === 'admin' ? admin.email : staff[role]
  const accountOf = async (email: string) =>
    (
      await t.services.db
        .selectFrom('account')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id
  /** responses.read events written by one account. */
  const readsBy = async (email: string) =>
    (
      await t.services.db
        .selectFrom('event')
        .select(['subject_id', 'data'])
        .where('organisation_id', '=', admin.org.id)
        .where('type', '=', 'responses.read')
        .where('actor_id', '=', await accountOf(email))
        .orderBy('occurred_at')
        .orderBy('id')
        .execute()
    ).map((e) => e.subject_id)

  for (const role of ['admin', 'analyst', 'handler'] as const) {
    it(`gives ${role === 'handler' ? 'a' : 'an'} ${role} the personal fields in list and detail, and audits each read`, async () => {
      const email = emailOf(role)
      const before = await readsBy(email)
      const listed = await list(`?survey=${s1.id}&status=all&pageSize=100`, email)
      assert.equal(listed.status, 200)
      const items = (await listed.json()).items as Record<string, unknown>[]
      const first = items.find((i) => i.id === r1) as Record<string, unknown>
      assert.deepEqual(Object.keys(first).sort(), LISTED)
      assert.equal(first.caseReference, 'Z-2026-1')
      assert.equal((first.answers as Record<string, unknown>).wat_mis, 'Ik moest lang wachten.')
      assert.equal((first.answers as Record<string, unknown>).toelichting, 'Verder prima.')
      const second = items.find((i) => i.id === r2) as { answers: Record<string, unknown> }
      assert.deepEqual(second.answers.reden, OTHER)

      const one = await get(`${admin.org.slug}/responses/${r1}`, email)
      assert.equal(one.status, 200)
      const body = (await one.json()) as Record<string, unknown>
      assert.deepEqual(Object.keys(body).sort(), [...LISTED, 'consents'].sort())
      assert.deepEqual(body.answers, shown(R1))
      assert.equal(body.caseReference, 'Z-2026-1')
      // One event per read: null subject for the list, the response for the detail.
      assert.deepEqual(await readsBy(email), [...before, null, r1])
    })
  }

  it('answers a viewer 403 problem+json on both endpoints and records no read', async () => {
    const before = await readsBy(staff.viewer)
    const paths = [`${admin.org.slug}/responses`, `${admin.org.slug}/responses/${r1}`]
    for (const path of paths) {
      const res = await get(path, staff.viewer)
      assertProblem(res, 403)
      assert.deepEqual(await res.json(), {
        type: 'https://klankbord.nl/problems/forbidden',
        title: 'Forbidden',
        status: 403,
        detail: 'You may not do this.',
        instance: `/api/v1/organisations/${path}`,
      })
    }
    assert.deepEqual(await readsBy(staff.viewer), before)
  })

  it('leaves personal fields out, and writes no audit event, for a reader without personal access', async () => {
    // No role has responses.read without responses.read-personal today; the handlers pass
    // `can(role, 'responses.read-personal')` as `personal`, so this is the path such a role would take.
    const ctx = { organisationId: admin.org.id, actor: { type: 'account' as const, id: newId() } }
    const access = { ctx, personal: false }
    const page = await listResponses(
      t.services.db,
      access,
      { status: 'all', survey: s1.id },
      {
        page: 1,
        pageSize: 100,
      },
    )
    const listed = page.items.map((r) => presentResponse(r, false))
    const first = listed.find((i) => i.id === r1)
    assert.ok(first)
    assert.deepEqual(
      Object.keys(first).sort(),
      LISTED.filter((k) => k !== 'caseReference'),
    )
    const { wat_mis: _w, toelichting: _t, ...notPersonal } = shown(R1)
    assert.deepEqual(first.answers, notPersonal)
    assert.deepEqual(listed.find((i) => i.id === r2)?.answers.reden, { value: 'other' })
    const found = await findResponse(t.services.db, access, r1)
    assert.ok(found)
    const detail = presentResponseDetail(found, false)
    assert.ok(!('caseReference' in detail))
    assert.deepEqual(detail.answers, notPersonal)
    assert.equal(detail.consents.length, 2)
    for (const text of ['Z-2026-1', 'Ik moest lang wachten', 'Verder prima', 'Verhuizing'])
      assert.ok(!JSON.stringify([listed, detail]).includes(text), text)
    const events = await t.services.db
      .selectFrom('event')
      .select('id')
      .where('organisation_id', '=', admin.org.id)
      .where('actor_id', '=', ctx.actor.id)
      .execute()
    assert.deepEqual(events, [])
  })
})
