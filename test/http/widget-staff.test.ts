/**
 * Staff pages of the website widget over real HTTP: the overview, creating "Paginafeedback", and the
 * embed code; unauthenticated, wrong-organisation, wrong-role and invalid-input cases.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { addStaffMember } from '../../src/modules/organisations/index.ts'
import { findSurvey } from '../../src/modules/surveys/index.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { postForm, type StaffSession, staffSession } from '../staff.ts'

let t: TestDatabase
let server: TestServer
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let other: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let admin: StaffSession
let viewer: StaffSession

before(async () => {
  t = await createTestDatabase()
  org = await createOrganisationWithStaff(t.services)
  other = await createOrganisationWithStaff(t.services)
  const viewerEmail = `viewer@${org.org.slug}.test`
  await addStaffMember(
    t.services.db,
    { organisationId: org.org.id, actor: { type: 'system' } },
    { email: viewerEmail, displayName: 'Kijker', password: TEST_PASSWORD, role: 'viewer' },
  )
  server = await startTestServer(t.services)
  admin = await staffSession(server.url, org.email, `/o/${org.org.slug}/widget`)
  viewer = await staffSession(server.url, viewerEmail, `/o/${org.org.slug}/widget`)
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

const page = (path: string, who: StaffSession | null) =>
  fetch(`${server.url}${path}`, { headers: who ? { cookie: who.cookie } : {}, redirect: 'manual' })

describe('the staff page Websitewidget', () => {
  it('sends people who are not logged in to the login page', async () => {
    const res = await page(`/o/${org.org.slug}/widget`, null)
    assert.equal(res.status, 303)
    assert.match(res.headers.get('location') ?? '', /^\/login\?next=/)
  })

  it('does not show another organisation', async () => {
    assert.equal((await page(`/o/${other.org.slug}/widget`, admin)).status, 404)
    assert.equal((await page(`/o/${org.org.slug}/widget/${other.survey.id}`, admin)).status, 404)
    assert.equal((await page(`/o/${org.org.slug}/widget/geen-id`, admin)).status, 404)
  })

  it('says why the standard survey cannot be used, with a link in the menu', async () => {
    const list = await (await page(`/o/${org.org.slug}/widget`, viewer)).text()
    assert.match(list, /href="\/o\/[^"]+\/widget">\s*Websitewidget/)
    assert.doesNotMatch(list, /Maak vragenlijst Paginafeedback/, 'a viewer may not create surveys')
    const detail = await (await page(`/o/${org.org.slug}/widget/${org.survey.id}`, viewer)).text()
    assert.match(detail, /De eerste vraag moet een ja\/nee-vraag zijn/)
    assert.doesNotMatch(detail, /widget\.js/)
  })

  it('creates Paginafeedback for an admin and shows its embed code', async () => {
    const refused = await postForm(server.url, `/o/${org.org.slug}/widget/paginafeedback`, viewer, {})
    assert.equal(refused.status, 403)
    const anonymous = await postForm(server.url, `/o/${org.org.slug}/widget/paginafeedback`, null, {})
    assert.equal(anonymous.status, 401)
    const noToken = await fetch(`${server.url}/o/${org.org.slug}/widget/paginafeedback`, {
      method: 'POST',
      headers: { cookie: admin.cookie },
      body: new URLSearchParams({}),
      redirect: 'manual',
    })
    assert.equal(noToken.status, 403)
    const created = await postForm(server.url, `/o/${org.org.slug}/widget/paginafeedback`, admin, {})
    assert.equal(created.status, 303)
    const id = /\/widget\/([0-9a-f-]{36})$/.exec(created.location)?.[1]
    assert.ok(id, created.location)
    const survey = await findSurvey(t.services.db, org.org.id, id)
    assert.equal(survey?.title, 'Paginafeedback')
    assert.equal(survey?.publishedVersion, 1)
    const html = await (await page(created.location, admin)).text()
    const origin = new URL(t.services.config.publicUrl).origin
    assert.ok(
      html.includes(
        `&lt;script src=&quot;${origin}/widget.js&quot; data-survey=&quot;${survey?.publicKey}&quot; async&gt;&lt;/script&gt;`,
      ) || html.includes(`&lt;script src="${origin}/widget.js" data-survey="${survey?.publicKey}" async&gt;`),
      'the embed code is on the page',
    )
    assert.match(html, /geen cookies/)
  })
})
