import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import {
  createOrganisationWithStaff,
  createPublishedSurvey,
  publishNewVersion,
} from '../../../test/factories.ts'
import { everyTypeSurvey } from '../../../test/fixtures/every-type-survey.ts'
import { startTestServer, type TestServer } from '../../../test/server.ts'
import { assertProblem, getOrganisationApi } from '../../../test/staff.ts'
import { newId } from '../../platform/db/ids.ts'
import { SurveyDefinition } from './definition/schema.ts'
import { createSurvey } from './versions/create-survey.ts'
import { saveDraft } from './versions/save-draft.ts'

let t: TestDatabase
let server: TestServer
type Org = Awaited<ReturnType<typeof createOrganisationWithStaff>>
let admin: Org
let viewer: Org
/** The every-type survey: version 1 and 2 published, version 3 an open draft. */
let versioned: { id: string; publicKey: string }
let draftOnly: { id: string }

const titled = (nl: string) => ({ ...everyTypeSurvey(), title: { nl, en: 'Survey' } })

const get = (path: string, as: Org | null) => getOrganisationApi(server.url, path, as?.email ?? null)

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  admin = await createOrganisationWithStaff(t.services, 'admin')
  viewer = await createOrganisationWithStaff(t.services, 'viewer')
  const ctx = { organisationId: admin.org.id, actor: { type: 'system' as const } }
  versioned = await createPublishedSurvey(t.services, admin.org.id, titled('Uw ervaring met de BALIE'))
  await publishNewVersion(t.services, admin.org.id, versioned.id, titled('Uw ervaring met de BALIE'))
  // The draft drops the last page: its question count differs from the published versions'.
  const def = titled('Uw ervaring met de BALIE')
  await saveDraft(t.services.db, ctx, versioned.id, { ...def, pages: def.pages.slice(0, 2) })
  draftOnly = await createSurvey(t.services.db, ctx, { definition: titled('Telefoon'), origin: 'test' })
  for (const title of ['Balie Stadhuis', 'Website', 'Baliebezoek Noord'])
    await createPublishedSurvey(t.services, admin.org.id, titled(title))
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

/** Survey ids of the admin's organisation as counted straight from the tables, newest first. */
async function surveyIdsInDb(filter: { status?: 'published' | 'draft'; q?: string } = {}) {
  let q = t.services.db
    .selectFrom('survey')
    .select('id')
    .where('organisation_id', '=', admin.org.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
  if (filter.q) q = q.where('title', 'ilike', `%${filter.q}%`)
  if (filter.status) {
    const status = filter.status
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('survey_version as v')
          .select('v.version')
          .whereRef('v.organisation_id', '=', 'survey.organisation_id')
          .whereRef('v.survey_id', '=', 'survey.id')
          .where('v.status', '=', status),
      ),
    )
  }
  return (await q.execute()).map((r) => r.id)
}

const listPath = (query = '') => `${admin.org.slug}/surveys${query}`

describe('GET /api/v1/organisations/{slug}/surveys', () => {
  it('answers 401 without a session, as problem+json', async () => {
    const res = await get(listPath(), null)
    assertProblem(res, 401)
  })

  it('answers 404 for an organisation the caller is not a member of', async () => {
    const res = await get(`${viewer.org.slug}/surveys`, admin)
    assertProblem(res, 404)
  })

  it('answers 400 listing every invalid query parameter at once', async () => {
    const res = await get(listPath('?page=0&pageSize=101&status=old&q='), admin)
    assertProblem(res, 400)
    const body = await res.json()
    const names = body.invalidParams.map((p: { name: string }) => p.name).sort()
    assert.deepEqual(names, ['page', 'pageSize', 'q', 'status'])
  })

  it('lists every survey of the organisation, newest first, with the API-Version header', async () => {
    const res = await get(listPath(), admin)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('api-version'), '1.0.0')
    const body = await res.json()
    const ids = await surveyIdsInDb()
    assert.equal(body.total, ids.length)
    assert.deepEqual(
      body.items.map((s: { id: string }) => s.id),
      ids,
    )
    assert.equal(body.page, 1)
    assert.equal(body.pageSize, 20)
    const item = body.items.find((s: { id: string }) => s.id === versioned.id)
    assert.deepEqual(
      { ...item, createdAt: typeof item.createdAt },
      {
        id: versioned.id,
        title: 'Uw ervaring met de BALIE',
        publicKey: versioned.publicKey,
        link: `/s/${versioned.publicKey}`,
        isStandard: false,
        publishedVersion: 2,
        draftVersion: 3,
        createdAt: 'string',
      },
    )
    const standard = body.items.find((s: { id: string }) => s.id === admin.survey.id)
    assert.equal(standard.isStandard, true)
    const draft = body.items.find((s: { id: string }) => s.id === draftOnly.id)
    assert.equal(draft.publishedVersion, null)
    assert.equal(draft.draftVersion, 1)
    // Only the caller's organisation: the viewer's standard survey is not in the list.
    assert.ok(!body.items.some((s: { id: string }) => s.id === viewer.survey.id))
  })

  const filters: { status?: 'published' | 'draft'; q?: string }[] = [
    { status: 'published' },
    { status: 'draft' },
    { q: 'balie' },
    { q: 'BaLiE', status: 'draft' },
  ]
  for (const filter of filters) {
    it(`filters by ${JSON.stringify(filter)} as counted in the tables`, async () => {
      const query = new URLSearchParams(filter as Record<string, string>).toString()
      const body = await (await get(listPath(`?${query}`), admin)).json()
      const ids = await surveyIdsInDb(filter)
      assert.ok(ids.length > 0, 'the filter matches something')
      assert.equal(body.total, ids.length)
      assert.deepEqual(
        body.items.map((s: { id: string }) => s.id),
        ids,
      )
    })
  }

  it('pages with pageSize and links the pages (RFC 8288)', async () => {
    const ids = await surveyIdsInDb()
    assert.ok(ids.length >= 5, 'enough surveys for three pages')
    const seen: string[] = []
    const last = Math.ceil(ids.length / 2)
    for (let page = 1; page <= last; page += 1) {
      const res = await get(listPath(`?pageSize=2&page=${page}`), admin)
      const body = await res.json()
      assert.equal(body.total, ids.length)
      seen.push(...body.items.map((s: { id: string }) => s.id))
      const link = res.headers.get('link') ?? ''
      const base = `/api/v1/organisations/${admin.org.slug}/surveys`
      assert.match(link, new RegExp(`<${base}\\?pageSize=2&page=1>; rel="first"`))
      assert.match(link, new RegExp(`<${base}\\?pageSize=2&page=${last}>; rel="last"`))
      assert.equal(link.includes(`page=${page + 1}>; rel="next"`), page < last)
      assert.equal(link.includes(`page=${page - 1}>; rel="prev"`), page > 1)
    }
    assert.deepEqual(seen, ids)
    const beyond = await (await get(listPath(`?pageSize=2&page=${last + 1}`), admin)).json()
    assert.deepEqual(beyond.items, [])
  })

  it('lets every role read surveys (a viewer too)', async () => {
    const res = await get(`${viewer.org.slug}/surveys`, viewer)
    assert.equal(res.status, 200)
    const body = await res.json()
    assert.deepEqual(
      body.items.map((s: { id: string }) => s.id),
      [viewer.survey.id],
    )
  })
})

describe('GET /api/v1/organisations/{slug}/surveys/{surveyId}', () => {
  const path = () => `${admin.org.slug}/surveys/${versioned.id}`

  it('answers 401 without a session', async () => {
    assert.equal((await get(path(), null)).status, 401)
  })

  it('answers 404 for another organisation, and for a survey of another organisation', async () => {
    assert.equal((await get(`${viewer.org.slug}/surveys/${versioned.id}`, admin)).status, 404)
    const res = await get(`${admin.org.slug}/surveys/${viewer.survey.id}`, admin)
    assertProblem(res, 404)
    assert.equal((await get(`${admin.org.slug}/surveys/${newId()}`, admin)).status, 404)
  })

  it('answers 400 for a survey id that is not a UUID', async () => {
    const res = await get(`${admin.org.slug}/surveys/not-a-uuid`, admin)
    assert.equal(res.status, 400)
    const body = await res.json()
    assert.deepEqual(
      body.invalidParams.map((p: { name: string }) => p.name),
      ['surveyId'],
    )
  })

  it('answers the survey with every version, newest first, and its question count', async () => {
    const res = await get(path(), admin)
    assert.equal(res.status, 200)
    const body = await res.json()
    assert.equal(body.id, versioned.id)
    assert.equal(body.publishedVersion, 2)
    const fixtureQuestions = everyTypeSurvey().pages.flatMap((p) => p.questions).length
    const draftQuestions = everyTypeSurvey()
      .pages.slice(0, 2)
      .flatMap((p) => p.questions).length
    assert.deepEqual(
      body.versions.map((v: { version: number; status: string; questionCount: number }) => [
        v.version,
        v.status,
        v.questionCount,
      ]),
      [
        [3, 'draft', draftQuestions],
        [2, 'published', fixtureQuestions],
        [1, 'published', fixtureQuestions],
      ],
    )
    assert.equal(body.versions[0].publishedAt, null)
    assert.ok(!Number.isNaN(Date.parse(body.versions[1].publishedAt)))
  })
})

describe('GET /api/v1/organisations/{slug}/surveys/{surveyId}/versions/{version}', () => {
  const path = (v: string | number, id = versioned.id, slug = admin.org.slug) =>
    `${slug}/surveys/${id}/versions/${v}`

  it('answers 401 without a session', async () => {
    assert.equal((await get(path(1), null)).status, 401)
  })

  it('answers 404 for another organisation, an unknown survey and an unknown version', async () => {
    assert.equal((await get(path(1, versioned.id, viewer.org.slug), admin)).status, 404)
    assert.equal((await get(path(1, viewer.survey.id), admin)).status, 404)
    const res = await get(path(9), admin)
    assertProblem(res, 404)
  })

  it('answers 400 listing the survey id and the version at once', async () => {
    const res = await get(path('zero', 'nope'), admin)
    assert.equal(res.status, 400)
    const body = await res.json()
    assert.deepEqual(body.invalidParams.map((p: { name: string }) => p.name).sort(), ['surveyId', 'version'])
    assert.equal((await get(path(0), admin)).status, 400)
  })

  it('exports the published version with its full definition', async () => {
    const res = await get(path(1), admin)
    assert.equal(res.status, 200)
    const body = await res.json()
    assert.equal(body.surveyId, versioned.id)
    assert.equal(body.version, 1)
    assert.equal(body.status, 'published')
    assert.equal(body.questionCount, everyTypeSurvey().pages.flatMap((p) => p.questions).length)
    // The definition as the fixture defines it, with the format's defaults filled in.
    assert.deepEqual(body.definition, SurveyDefinition.parse(titled('Uw ervaring met de BALIE')))
  })

  it('exports the draft too', async () => {
    const body = await (await get(path(3), admin)).json()
    assert.equal(body.status, 'draft')
    assert.equal(body.publishedAt, null)
    assert.equal(body.definition.pages.length, 2)
  })

  it('lets a viewer export a version of their own organisation', async () => {
    const res = await get(path(1, viewer.survey.id, viewer.org.slug), viewer)
    assert.equal(res.status, 200)
    assert.equal((await res.json()).definition.format, 'klankbord.survey/1')
  })
})
