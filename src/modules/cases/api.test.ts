import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { OpenAPIHono } from '@hono/zod-openapi'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff, login } from '../../../test/factories.ts'
import { createApp } from '../../main/http.ts'
import { newId } from '../../platform/db/ids.ts'
import { listen } from '../../platform/http/listen.ts'
import type { AppEnv } from '../app-env.ts'
import { caseApi } from './api.ts'

let t: TestDatabase
let url: string
let close: () => Promise<void>
type Org = Awaited<ReturnType<typeof createOrganisationWithStaff>>
let admin: Org
let viewer: Org
let analyst: Org
const sessions = new Map<string, { cookie: string; csrf: string }>()

before(async () => {
  // 10,000 records are about 1.3 MB of JSON: more than the default body limit (see docs/process-data.md).
  t = await createTestDatabase()
  // Mounted as src/main/http.ts will mount it (createApi's router under /api/v1); until then, here.
  const app = createApp(t.services)
  const api = new OpenAPIHono<AppEnv>()
  api.route('/', caseApi(t.services.db))
  app.route('/api/v1', api)
  const server = await listen(app.fetch, 0, '127.0.0.1')
  url = `http://127.0.0.1:${server.port}`
  close = () => server.close()
  admin = await createOrganisationWithStaff(t.services, 'admin')
  viewer = await createOrganisationWithStaff(t.services, 'viewer')
  analyst = await createOrganisationWithStaff(t.services, 'analyst')
  for (const o of [admin, viewer, analyst])
    await t.services.db
      .insertInto('product')
      .values({
        organisation_id: o.org.id,
        id: newId(),
        code: 'paspoort',
        name: 'Paspoort',
        department_id: null,
      })
      .execute()
})
after(async () => {
  await close()
  await t.dispose()
})

async function session(o: Org) {
  const known = sessions.get(o.email)
  if (known) return known
  const { cookie } = await login(url, o.email)
  const page = await (await fetch(`${url}/o/${o.org.slug}`, { headers: { cookie } })).text()
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
  assert.ok(csrf, 'no CSRF token on the overview page')
  const s = { cookie, csrf }
  sessions.set(o.email, s)
  return s
}

async function post(slug: string, body: unknown, as: Org | null, query = '', csrf = true) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (as) {
    const s = await session(as)
    headers.cookie = s.cookie
    if (csrf) headers['x-csrf-token'] = s.csrf
  }
  return fetch(`${url}/api/v1/organisations/${slug}/cases${query}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
}

async function get(path: string, as: Org | null) {
  return fetch(`${url}/api/v1/organisations/${path}`, {
    headers: as ? { cookie: (await session(as)).cookie } : {},
  })
}

const good = [
  {
    reference: 'Z/2026/1',
    product: 'paspoort',
    channel: 'balie',
    start: '02-03-2026 09:15',
    end: '2026-03-06',
    contacts: 2,
  },
  { reference: 'Z-2', product: 'paspoort', channel: 'website', start: '2026-03-03T10:00:00+01:00' },
]

describe('POST /api/v1/organisations/{slug}/cases', () => {
  it('answers 401 without a session', async () => {
    const res = await post(admin.org.slug, good, null)
    assert.equal(res.status, 401)
    assert.equal(res.headers.get('content-type'), 'application/problem+json')
    // Refused before the (large) body is parsed and validated: an invalid body also gets 401, not 400.
    const invalid = await post(admin.org.slug, { not: 'a list' }, null)
    assert.equal(invalid.status, 401)
  })

  it('answers 404 for an organisation the caller is not a member of', async () => {
    const res = await post(viewer.org.slug, good, admin)
    assert.equal(res.status, 404)
  })

  it('answers 403 for a viewer, and lets an analyst import', async () => {
    assert.equal((await post(viewer.org.slug, good, viewer)).status, 403)
    assert.equal(await t.services.db.selectFrom('service_case').select('id').executeTakeFirst(), undefined)
    assert.equal((await post(analyst.org.slug, good, analyst)).status, 200)
  })

  it('answers 403 to a cookie-authenticated write without the CSRF token', async () => {
    assert.equal((await post(admin.org.slug, good, admin, '', false)).status, 403)
  })

  it('imports and answers the report with the API-Version header', async () => {
    const res = await post(admin.org.slug, good, admin)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('api-version'), '1.0.0')
    const body = await res.json()
    assert.deepEqual(body, {
      imported: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      linkedResponses: 0,
      createdProducts: [],
      errors: [],
      committed: true,
      dryRun: false,
    })
    const event = await t.services.db
      .selectFrom('event')
      .select(['actor_type', 'actor_id', 'request_id'])
      .where('organisation_id', '=', admin.org.id)
      .where('type', '=', 'cases.imported')
      .executeTakeFirstOrThrow()
    assert.equal(event.actor_type, 'account')
    assert.ok(event.actor_id)
    assert.ok(event.request_id)
  })

  it('answers 400 listing every invalid row and field, and writes nothing', async () => {
    const res = await post(
      admin.org.slug,
      [
        { reference: 'Z-3', product: 'paspoort', channel: 'balie', start: '2026-03-01' },
        { reference: 'Z-4', product: 'onbekend', channel: 'balie', start: '2026-03-01' },
        {
          reference: 'Z-5',
          product: 'paspoort',
          channel: 'balie',
          start: '2026-03-05',
          end: '2026-03-01',
          contacts: -2,
        },
      ],
      admin,
    )
    assert.equal(res.status, 400)
    const problem = await res.json()
    assert.deepEqual(
      problem.invalidParams.map((p: { name: string }) => p.name),
      ['1.product', '2.end', '2.contacts'],
    )
    assert.match(problem.invalidParams[0].reason, /^Row 2: Unknown product code "onbekend"/)
    assert.match(problem.detail, /2 of 3 records are not valid; nothing was imported/)
    const z3 = await get(`${admin.org.slug}/cases/Z-3`, admin)
    assert.equal(z3.status, 404)
  })

  it('answers 400 for a body that is not a list of case records', async () => {
    const res = await post(admin.org.slug, { reference: 'Z-1' }, admin)
    assert.equal(res.status, 400)
    const wrongType = await post(admin.org.slug, [{ ...good[0], contacts: 'twee', extra: 1 }], admin)
    assert.equal(wrongType.status, 400)
    const names = (await wrongType.json()).invalidParams.map((p: { name: string }) => p.name)
    assert.ok(names.includes('0.contacts'), names.join(','))
  })

  it('imports the valid rows with allOrNothing=false and reports the others', async () => {
    const res = await post(
      admin.org.slug,
      [
        {
          reference: 'Z-2',
          product: 'paspoort',
          channel: 'website',
          start: '2026-03-03T10:00:00+01:00',
          contacts: 3,
        },
        { reference: 'Z-6', product: 'paspoort', channel: 'fax', start: '2026-03-01' },
      ],
      admin,
      '?allOrNothing=false',
    )
    assert.equal(res.status, 200)
    const body = await res.json()
    assert.equal(body.updated, 1)
    assert.deepEqual(
      body.errors.map((e: { row: number; field: string }) => [e.row, e.field]),
      [[2, 'channel']],
    )
  })

  it('accepts 10,000 records in one request and refuses 10,001', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({
      reference: `M-${i}`,
      product: 'paspoort',
      channel: 'balie',
      start: '2026-01-05',
      end: '2026-01-09',
      contacts: 1,
    }))
    const tooMany = await post(admin.org.slug, many, admin)
    assert.equal(tooMany.status, 400)
    const res = await post(admin.org.slug, many.slice(0, 10_000), admin, '?dryRun=true')
    assert.equal(res.status, 200)
    const body = await res.json()
    assert.deepEqual([body.imported, body.committed, body.dryRun], [10_000, false, true])
    assert.equal((await get(`${admin.org.slug}/cases/M-1`, admin)).status, 404)
  })

  it('answers 415 for a body that is not JSON', async () => {
    const s = await session(admin)
    const res = await fetch(`${url}/api/v1/organisations/${admin.org.slug}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: 'reference,product\n',
    })
    assert.equal(res.status, 415)
  })
})

describe('GET /api/v1/organisations/{slug}/cases/{reference}', () => {
  it('shows a zaak with an encoded slash in its reference, with its doorlooptijd and response ids', async () => {
    const res = await get(`${admin.org.slug}/cases/${encodeURIComponent('Z/2026/1')}`, admin)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('api-version'), '1.0.0')
    const body = await res.json()
    assert.equal(body.reference, 'Z/2026/1')
    assert.equal(body.leadTimeDays, 4)
    assert.deepEqual(body.responseIds, [])
    assert.deepEqual(body.channel, { code: 'balie', name: 'Balie' })
  })

  it('answers 401 without a session, 404 for an unknown reference or another organisation, 403 for a viewer', async () => {
    assert.equal((await get(`${admin.org.slug}/cases/Z-2`, null)).status, 401)
    assert.equal((await get(`${admin.org.slug}/cases/Z-404`, admin)).status, 404)
    assert.equal((await get(`${admin.org.slug}/cases/Z-2`, viewer)).status, 404)
    assert.equal((await get(`${viewer.org.slug}/cases/Z-2`, viewer)).status, 403)
  })

  it('answers 400 for a reference that is too long', async () => {
    assert.equal((await get(`${admin.org.slug}/cases/${'x'.repeat(101)}`, admin)).status, 400)
  })
})

describe('GET /api/v1/organisations/{slug}/lead-time', () => {
  it('answers the four buckets to a viewer', async () => {
    const res = await get(`${viewer.org.slug}/lead-time`, viewer)
    assert.equal(res.status, 200)
    const body = await res.json()
    assert.deepEqual(
      body.buckets.map((b: { key: string }) => b.key),
      ['0-1', '2-7', '8-28', '29+'],
    )
  })

  it('answers 401 without a session, 404 for another organisation and 400 for a bad period', async () => {
    assert.equal((await get(`${viewer.org.slug}/lead-time`, null)).status, 401)
    assert.equal((await get(`${viewer.org.slug}/lead-time`, admin)).status, 404)
    assert.equal((await get(`${viewer.org.slug}/lead-time?from=gisteren`, viewer)).status, 400)
    const reversed = await get(
      `${viewer.org.slug}/lead-time?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z`,
      viewer,
    )
    assert.equal(reversed.status, 400)
  })
})
