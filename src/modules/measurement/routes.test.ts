import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff, login } from '../../../test/factories.ts'
import { startTestServer } from '../../../test/server.ts'
import { offlineKysely } from '../../platform/db/offline.ts'
import type { Database } from '../database.ts'
import { measurementApi } from './api.ts'
import { MeasurementModelSchema } from './present.ts'

let t: TestDatabase
let server: { url: string; close(): Promise<void> }
let admin: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let viewer: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let adminSession: { cookie: string; csrf: string }
let viewerSession: { cookie: string; csrf: string }

/** Logs in and reads the session's CSRF token from the staff header of a staff page. */
async function session(email: string, slug: string) {
  const { cookie } = await login(server.url, email)
  return { cookie, csrf: await csrfOf(cookie, `/o/${slug}/meetmodel`) }
}

async function csrfOf(cookie: string, path: string) {
  const html = await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text()
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  assert.ok(token, `no CSRF token on ${path}`)
  return token
}

function post(path: string, s: { cookie: string } | null, fields: Record<string, string>) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: s ? { cookie: s.cookie } : {},
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
}

async function eventCount(organisationId: string) {
  const r = await t.services.db
    .selectFrom('event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('subject_type', '=', 'measurement_model')
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  admin = await createOrganisationWithStaff(t.services, 'admin')
  viewer = await createOrganisationWithStaff(t.services, 'viewer')
  adminSession = await session(admin.email, admin.org.slug)
  viewerSession = await session(viewer.email, viewer.org.slug)
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

describe('the measurement model API', () => {
  it('is described in OpenAPI with the MeasurementModel schema, problem responses and the API-Version header', () => {
    const doc = measurementApi(offlineKysely<Database>()).getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
    })
    const op = doc.paths?.['/organisations/{slug}/measurement-model']?.get
    assert.ok(op, 'the operation is documented')
    assert.equal(op.operationId, 'getMeasurementModel')
    const ok = op.responses?.['200'] as {
      content: Record<string, { schema: { $ref?: string } }>
      headers: object
    }
    assert.equal(ok.content['application/json']?.schema.$ref, '#/components/schemas/MeasurementModel')
    assert.ok('API-Version' in ok.headers)
    assert.deepEqual(Object.keys(op.responses ?? {}).sort(), ['200', '400', '401', '403', '404'])
    for (const name of [
      'MeasurementModel',
      'MeasurementGoal',
      'MeasurementKpi',
      'MeasurementDriver',
      'MeasurementQuestion',
    ])
      assert.ok(doc.components?.schemas?.[name], `${name} schema is registered`)
  })

  const path = (slug: string) => `${server.url}/api/v1/organisations/${slug}/measurement-model`

  it('answers 401 problem+json without a session', async () => {
    const res = await fetch(path(admin.org.slug))
    assert.equal(res.status, 401)
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/)
  })

  it('answers 404 for an organisation the caller is not a member of', async () => {
    const res = await fetch(path(viewer.org.slug), { headers: { cookie: adminSession.cookie } })
    assert.equal(res.status, 404)
  })

  it('answers 400 with the invalid parameter for a malformed slug', async () => {
    const res = await fetch(path('X!'), { headers: { cookie: adminSession.cookie } })
    assert.equal(res.status, 400)
    const body = (await res.json()) as { invalidParams?: { name: string }[] }
    assert.deepEqual(
      body.invalidParams?.map((p) => p.name),
      ['slug'],
    )
  })

  it('answers 404 problem+json while nothing is published', async () => {
    const res = await fetch(path(admin.org.slug), { headers: { cookie: adminSession.cookie } })
    assert.equal(res.status, 404)
    assert.match(await res.text(), /not published/)
  })
})

describe('the measurement model pages', () => {
  const page = (slug: string) => `/o/${slug}/meetmodel`

  it('send a visitor without a session to the login page', async () => {
    const res = await fetch(`${server.url}${page(admin.org.slug)}`, { redirect: 'manual' })
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(page(admin.org.slug))}`)
  })

  it('answer 404 for another organisation, to pages and to form posts alike', async () => {
    const res = await fetch(`${server.url}${page(viewer.org.slug)}`, {
      headers: { cookie: adminSession.cookie, accept: 'text/html' },
    })
    assert.equal(res.status, 404)
    const write = await post(`${page(viewer.org.slug)}/concept`, adminSession, { _csrf: adminSession.csrf })
    assert.equal(write.status, 404)
    assert.equal(await eventCount(viewer.org.id), 0)
  })

  it('refuse a form post without a session (401) or without the CSRF token (403)', async () => {
    assert.equal((await post(`${page(admin.org.slug)}/concept`, null, {})).status, 401)
    assert.equal(
      (await post(`${page(admin.org.slug)}/concept`, adminSession, { _csrf: 'wrong' })).status,
      403,
    )
    assert.equal(await eventCount(admin.org.id), 0)
  })

  it('let a viewer read the page but not edit', async () => {
    const html = await (
      await fetch(`${server.url}${page(viewer.org.slug)}`, { headers: { cookie: viewerSession.cookie } })
    ).text()
    assert.match(html, /Er is nog geen gepubliceerd meetmodel/)
    assert.doesNotMatch(html, /Meetmodel maken/)
    const res = await post(`${page(viewer.org.slug)}/concept`, viewerSession, { _csrf: viewerSession.csrf })
    assert.equal(res.status, 403)
  })

  it('take an admin from kern to a published version 1, with errors shown in a linked summary on the way', async () => {
    const base = page(admin.org.slug)
    const start = await post(`${base}/concept`, adminSession, { _csrf: adminSession.csrf })
    assert.equal(start.status, 303)
    assert.equal(start.headers.get('location'), `${base}/concept`)
    const edit = await (
      await fetch(`${server.url}${base}/concept`, { headers: { cookie: adminSession.cookie } })
    ).text()
    assert.match(edit, /Concept meetmodel, versie 1/)
    assert.match(edit, /<svg[^>]*role="img"[^>]*aria-label="Tekening van het meethuis, versie 1\./)
    const kpi = /<select[^>]*id="driver_kpi"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(edit)?.[1]
    assert.ok(kpi)
    const serieus = /id="text-([0-9a-f-]{36})"[^>]*>Ik voelde mij serieus genomen\./.exec(edit)?.[1]
    assert.ok(serieus)

    const eventsBefore = await eventCount(admin.org.id)
    const invalid = await post(`${base}/concept/drijfveer`, adminSession, {
      _csrf: adminSession.csrf,
      driver_kpi: kpi,
      driver_name: ' ',
    })
    assert.equal(invalid.status, 400)
    const errorHtml = await invalid.text()
    assert.match(errorHtml, /<title>Fout: /)
    assert.match(errorHtml, /role="alert"[\s\S]*href="#driver_name"/)
    assert.match(errorHtml, /id="driver_name"[^>]*aria-invalid="true"/)
    assert.equal(await eventCount(admin.org.id), eventsBefore)

    const changed = await post(`${base}/concept/stellingen`, adminSession, {
      _csrf: adminSession.csrf,
      [`text-${serieus}`]: 'Ik voelde mij gehoord.',
    })
    assert.equal(changed.status, 303)
    const afterChange = await (
      await fetch(`${server.url}${base}/concept`, { headers: { cookie: adminSession.cookie } })
    ).text()
    assert.match(
      afterChange,
      /Stelling: “Ik voelde mij gehoord\.” – lokaal, aangepast uit kern\.serieus_genomen@1/,
    )

    const added = await post(`${base}/concept/drijfveer`, adminSession, {
      _csrf: adminSession.csrf,
      driver_kpi: kpi,
      driver_name: 'Bereikbaarheid',
    })
    assert.equal(added.status, 303)
    // The new pillar has no stelling yet: publishing is refused and the summary links to that pillar.
    const refused = await post(`${base}/concept/publiceren`, adminSession, { _csrf: adminSession.csrf })
    assert.equal(refused.status, 400)
    assert.match(
      await refused.text(),
      /href="#driver-[0-9a-f-]{36}"[^>]*>De drijfveer “Bereikbaarheid” heeft nog geen stelling/,
    )

    const withStatement = await (
      await fetch(`${server.url}${base}/concept`, { headers: { cookie: adminSession.cookie } })
    ).text()
    const pillar = /<option value="([0-9a-f-]{36})"[^>]*>Bereikbaarheid<\/option>/.exec(withStatement)?.[1]
    assert.ok(pillar)
    const statement = await post(`${base}/concept/stelling`, adminSession, {
      _csrf: adminSession.csrf,
      statement_driver: pillar,
      statement_text: 'Ik kon de gemeente makkelijk bereiken.',
    })
    assert.equal(statement.status, 303)
    const published = await post(`${base}/concept/publiceren`, adminSession, { _csrf: adminSession.csrf })
    assert.equal(published.status, 303)
    assert.equal(published.headers.get('location'), `${base}?gepubliceerd=1`)

    const shown = await (
      await fetch(`${server.url}${base}`, { headers: { cookie: adminSession.cookie } })
    ).text()
    assert.match(shown, /Versie 1, gepubliceerd op/)
    assert.match(shown, /Nieuwe versie maken/)

    const res = await fetch(`${server.url}/api/v1/organisations/${admin.org.slug}/measurement-model`, {
      headers: { cookie: adminSession.cookie },
    })
    assert.equal(res.status, 200)
    assert.ok(res.headers.get('api-version'))
    const model = MeasurementModelSchema.parse(await res.json())
    assert.equal(model.version, 1)
    assert.equal(model.status, 'published')
    const statements = model.goals.flatMap((g) =>
      g.kpis.flatMap((k) => k.drivers.flatMap((d) => d.statements)),
    )
    const gemak = statements.find((s) => s.code === 'gemak')
    assert.equal(gemak?.comparabilityKey, 'kern.gemak@1/gemak~kern.eens5@1')
    const heard = statements.find((s) => s.code === 'serieus_genomen')
    assert.equal(heard?.origin, 'local')
    assert.equal(heard?.core?.blockId, 'kern.serieus_genomen')
    assert.deepEqual(
      model.processIndicators.map((p) => p.code),
      ['doorlooptijd', 'contactmomenten', 'kanaal', 'herhaalcontact'],
    )
  })

  it('refuse an unknown edit action with 404', async () => {
    const res = await post(`${page(admin.org.slug)}/concept/verwijderen`, adminSession, {
      _csrf: adminSession.csrf,
    })
    assert.equal(res.status, 404)
  })
})
