import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff } from '../../../test/factories.ts'
import { startTestServer, type TestServer } from '../../../test/server.ts'
import { assertProblem, getOrganisationApi } from '../../../test/staff.ts'
import { offlineKysely } from '../../platform/db/offline.ts'
import type { Database } from '../database.ts'
import { measurementApi } from './api.ts'
import { createDraft } from './create-draft.ts'
import { addDriver, addGoal, addStatement } from './edit-draft.ts'
import { allDrivers, allKpis, type MeasurementModel } from './model.ts'
import { MeasurementModelSchema } from './present.ts'
import { publishDraft } from './publish-draft.ts'
import { loadModel } from './store.ts'

let t: TestDatabase
let server: TestServer
type Org = Awaited<ReturnType<typeof createOrganisationWithStaff>>
let admin: Org
let viewer: Org
/** The admin's organisation: version 1 (kern) and 2 (plus a goal) published, version 3 an open draft. */
const versions = new Map<number, MeasurementModel>()

const get = (path: string, as: Org | null) => getOrganisationApi(server.url, path, as?.email ?? null)

/** A version as stored now, read straight from the tables by number (not through the code under test). */
async function stored(version: number) {
  const row = await t.services.db
    .selectFrom('measurement_model')
    .selectAll()
    .where('organisation_id', '=', admin.org.id)
    .where('version', '=', version)
    .executeTakeFirstOrThrow()
  const model = await loadModel(t.services.db, admin.org.id, row.id)
  assert.ok(model)
  return { row, model }
}

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  admin = await createOrganisationWithStaff(t.services, 'admin')
  viewer = await createOrganisationWithStaff(t.services, 'viewer')
  const db = t.services.db
  const ctx = { organisationId: admin.org.id, actor: { type: 'system' as const } }
  await createDraft(db, ctx)
  versions.set(1, await publishDraft(db, ctx))
  await createDraft(db, ctx)
  await addGoal(db, ctx, { name: 'Gelijke behandeling' })
  versions.set(2, await publishDraft(db, ctx))
  const draft = await createDraft(db, ctx)
  const kpi = allKpis(draft)[0]
  assert.ok(kpi)
  const driver = await addDriver(db, ctx, { kpiId: kpi.id, name: 'Bereikbaarheid' })
  await addStatement(db, ctx, { driverId: driver.id, text: 'Ik kon de gemeente makkelijk bereiken.' })
  await addStatement(db, ctx, { driverId: driver.id, text: 'Ik wist waar ik terecht kon.' })
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

describe('the OpenAPI description of the measurement API', () => {
  it('documents the current model, the list of versions and one version, with problems and API-Version', () => {
    const doc = measurementApi(offlineKysely<Database>()).getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
    })
    const ops = {
      '/organisations/{slug}/measurement-model': ['getMeasurementModel', 'MeasurementModel'],
      '/organisations/{slug}/measurement-models': ['listMeasurementModels', 'MeasurementModelVersionPage'],
      '/organisations/{slug}/measurement-models/{version}': [
        'getMeasurementModelVersion',
        'MeasurementModel',
      ],
    }
    for (const [path, [operationId, schema]] of Object.entries(ops)) {
      const op = doc.paths?.[path]?.get
      assert.ok(op, `${path} is documented`)
      assert.equal(op.operationId, operationId)
      const ok = op.responses?.['200'] as {
        content: Record<string, { schema: { $ref?: string } }>
        headers: Record<string, unknown>
      }
      assert.equal(ok.content['application/json']?.schema.$ref, `#/components/schemas/${schema}`)
      assert.ok('API-Version' in ok.headers)
      assert.deepEqual(Object.keys(op.responses ?? {}).sort(), ['200', '400', '401', '403', '404'])
    }
    const list = doc.paths?.['/organisations/{slug}/measurement-models']?.get
    const ok = list?.responses?.['200'] as { headers: Record<string, unknown> }
    assert.ok('Link' in ok.headers, 'the list documents its Link header')
    const params = (list?.parameters ?? []) as { name: string; in: string }[]
    assert.deepEqual(
      params.filter((p) => p.in === 'query').map((p) => p.name),
      ['page', 'pageSize', 'status'],
    )
  })
})

const listPath = (query = '') => `${admin.org.slug}/measurement-models${query}`

describe('GET /api/v1/organisations/{slug}/measurement-models', () => {
  it('answers 401 without a session, as problem+json', async () => {
    const res = await get(listPath(), null)
    assertProblem(res, 401)
  })

  it('answers 404 for an organisation the caller is not a member of', async () => {
    const res = await get(`${admin.org.slug}/measurement-models`, viewer)
    assertProblem(res, 404)
  })

  it('answers 400 listing every invalid query parameter at once', async () => {
    const res = await get(listPath('?page=0&pageSize=101&status=old'), admin)
    assertProblem(res, 400)
    const body = await res.json()
    const names = body.invalidParams.map((p: { name: string }) => p.name).sort()
    assert.deepEqual(names, ['page', 'pageSize', 'status'])
  })

  it('answers 400 naming the slug when it is malformed', async () => {
    const res = await get('X!/measurement-models', admin)
    assert.equal(res.status, 400)
    const body = await res.json()
    assert.deepEqual(
      body.invalidParams.map((p: { name: string }) => p.name),
      ['slug'],
    )
  })

  it('lists every version, newest first, with its template, times and the size of its tree', async () => {
    const res = await get(listPath(), admin)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('api-version'), '1.0.0')
    const body = await res.json()
    assert.equal(body.total, 3)
    assert.equal(body.page, 1)
    assert.equal(body.pageSize, 20)
    assert.deepEqual(
      body.items.map((v: { version: number; status: string }) => [v.version, v.status]),
      [
        [3, 'draft'],
        [2, 'published'],
        [1, 'published'],
      ],
    )
    for (const item of body.items) {
      const { row, model } = await stored(item.version)
      assert.deepEqual(item, {
        version: row.version,
        status: row.status,
        name: row.name,
        template: { id: row.template_id, version: row.template_version },
        createdAt: new Date(row.created_at).toISOString(),
        publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
        counts: {
          goals: model.goals.length,
          kpis: allKpis(model).length,
          drivers: allDrivers(model).length,
          statements: allDrivers(model).flatMap((d) => d.statements).length,
        },
      })
    }
    // The versions really differ: v2 added a goal, the draft a driver with two stellingen.
    const [draft, v2, v1] = body.items
    assert.equal(v2.counts.goals, v1.counts.goals + 1)
    assert.equal(draft.counts.drivers, v2.counts.drivers + 1)
    assert.equal(draft.counts.statements, v2.counts.statements + 2)
    assert.equal(v1.template.id, 'kern')
  })

  it('filters by status', async () => {
    const published = await (await get(listPath('?status=published'), admin)).json()
    assert.equal(published.total, 2)
    assert.deepEqual(
      published.items.map((v: { version: number }) => v.version),
      [2, 1],
    )
    const drafts = await (await get(listPath('?status=draft'), admin)).json()
    assert.equal(drafts.total, 1)
    assert.deepEqual(
      drafts.items.map((v: { version: number; status: string }) => [v.version, v.status]),
      [[3, 'draft']],
    )
  })

  it('pages with page and pageSize and links the other pages in the Link header', async () => {
    const base = `/api/v1/organisations/${admin.org.slug}/measurement-models`
    const first = await get(listPath('?pageSize=2'), admin)
    const one = await first.json()
    assert.deepEqual(
      one.items.map((v: { version: number }) => v.version),
      [3, 2],
    )
    assert.deepEqual([one.page, one.pageSize, one.total], [1, 2, 3])
    assert.equal(
      first.headers.get('link'),
      `<${base}?pageSize=2&page=1>; rel="first", <${base}?pageSize=2&page=2>; rel="next", <${base}?pageSize=2&page=2>; rel="last"`,
    )
    const second = await get(listPath('?pageSize=2&page=2'), admin)
    const two = await second.json()
    assert.deepEqual(
      two.items.map((v: { version: number }) => v.version),
      [1],
    )
    assert.equal(two.total, 3)
    assert.match(second.headers.get('link') ?? '', /page=1>; rel="prev"/)
    assert.doesNotMatch(second.headers.get('link') ?? '', /rel="next"/)
    // The filter is kept in the links; a page past the end is empty but still counts every match.
    const beyond = await get(listPath('?status=published&pageSize=1&page=5'), admin)
    const empty = await beyond.json()
    assert.deepEqual([empty.items.length, empty.total], [0, 2])
    assert.match(beyond.headers.get('link') ?? '', /\?status=published&pageSize=1&page=2>; rel="last"/)
  })

  it('lets every staff role read, and shows only the own organisation (empty for a viewer without a model)', async () => {
    const res = await get(`${viewer.org.slug}/measurement-models`, viewer)
    assert.equal(res.status, 200)
    const body = await res.json()
    assert.deepEqual(body, { items: [], page: 1, pageSize: 20, total: 0 })
  })
})

const versionPath = (version: number | string, slug = admin.org.slug) =>
  `${slug}/measurement-models/${version}`

describe('GET /api/v1/organisations/{slug}/measurement-models/{version}', () => {
  it('answers 401 without a session, as problem+json', async () => {
    const res = await get(versionPath(1), null)
    assertProblem(res, 401)
  })

  it('answers 404 for an organisation the caller is not a member of', async () => {
    const res = await get(versionPath(1), viewer)
    assertProblem(res, 404)
  })

  it('answers 400 listing every invalid parameter at once', async () => {
    for (const bad of ['0', 'een', '1.5', '2147483648']) {
      const res = await get(versionPath(bad, 'X!'), admin)
      assert.equal(res.status, 400, `version ${bad}`)
      assert.equal(res.headers.get('content-type'), 'application/problem+json')
      const body = await res.json()
      assert.deepEqual(body.invalidParams.map((p: { name: string }) => p.name).sort(), ['slug', 'version'])
    }
  })

  it('answers 404 problem+json for a version the organisation does not have', async () => {
    const res = await get(versionPath(4), admin)
    assertProblem(res, 404)
    // Version 1 exists in another organisation, not in the viewer's own.
    const other = await get(versionPath(1, viewer.org.slug), viewer)
    assert.equal(other.status, 404)
  })

  it('keeps version 1 as it was published after version 2 is published', async () => {
    const res = await get(versionPath(1), admin)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('api-version'), '1.0.0')
    const v1 = MeasurementModelSchema.parse(await res.json())
    const published = versions.get(1)
    assert.ok(published)
    assert.equal(v1.version, 1)
    assert.equal(v1.status, 'published')
    assert.equal(v1.publishedAt, published.publishedAt?.toISOString())
    assert.deepEqual(
      v1.goals.map((g) => g.code),
      published.goals.map((g) => g.code),
    )
    assert.ok(!v1.goals.some((g) => g.name === 'Gelijke behandeling'), 'the goal of version 2 is not in 1')
    const v2 = MeasurementModelSchema.parse(await (await get(versionPath(2), admin)).json())
    assert.equal(v2.status, 'published')
    assert.ok(v2.goals.some((g) => g.name === 'Gelijke behandeling'))
    // The current model is version 2, the newest published one.
    const current = await (await get(`${admin.org.slug}/measurement-model`, admin)).json()
    assert.deepEqual(current, v2)
  })

  it('returns the open draft in full', async () => {
    const res = await get(versionPath(3), admin)
    assert.equal(res.status, 200)
    const draft = MeasurementModelSchema.parse(await res.json())
    assert.equal(draft.status, 'draft')
    assert.equal(draft.publishedAt, null)
    const drivers = draft.goals.flatMap((g) => g.kpis.flatMap((k) => k.drivers))
    const added = drivers.find((d) => d.name === 'Bereikbaarheid')
    assert.deepEqual(
      added?.statements.map((s) => [s.text, s.origin]),
      [
        ['Ik kon de gemeente makkelijk bereiken.', 'local'],
        ['Ik wist waar ik terecht kon.', 'local'],
      ],
    )
  })
})
