import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff, login } from '../../../test/factories.ts'
import { decodeQrPng } from '../../../test/qr.ts'
import { startTestServer } from '../../../test/server.ts'
import { standardDefinition } from './definition/standard.ts'
import { createSurvey } from './versions/create-survey.ts'

let t: TestDatabase
let server: { url: string; close(): Promise<void> }
let staff: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let other: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let cookie: string

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  staff = await createOrganisationWithStaff(t.services, 'viewer')
  other = await createOrganisationWithStaff(t.services)
  cookie = (await login(server.url, staff.email)).cookie
})

after(async () => {
  await server.close()
  await t.dispose()
})

const get = (path: string, withCookie = cookie) =>
  fetch(`${server.url}${path}`, { headers: withCookie ? { cookie: withCookie } : {}, redirect: 'manual' })

describe('QR codes of a survey for a channel and a place', () => {
  it('is linked, with the other channels, from the page of a published survey, and every link leads to its page', async () => {
    const base = `/o/${staff.org.slug}/vragenlijsten/${staff.survey.id}`
    const html = await (await get(base)).text()
    const nav = /<nav aria-label="Andere manieren om te vragen">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? ''
    const links = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1] as string)
    assert.deepEqual(links, [
      `${base}/qr`,
      `${base}/papier`,
      `${base}/papier/invoeren`,
      `${base}/interview`,
      `/o/${staff.org.slug}/widget/${staff.survey.id}`,
    ])
    // A viewer may look but not enter answers (paper entry and interview: 403); each page exists.
    for (const link of links)
      assert.equal((await get(link)).status, /\/(invoeren|interview)$/.test(link) ? 403 : 200, link)
  })

  it('shows a page whose code, SVG and PNG, opens the public link with channel and place', async () => {
    const base = `/o/${staff.org.slug}/vragenlijsten/${staff.survey.id}`
    const page = await get(`${base}/qr?kanaal=balie&locatie=${encodeURIComponent('Stadskantoor, balie 3')}`)
    assert.equal(page.status, 200)
    const html = await page.text()
    const expected = `http://localhost:3000/s/${staff.survey.publicKey}?kanaal=balie&locatie=Stadskantoor%2C+balie+3`
    assert.ok(html.includes(expected.replace(/&/g, '&amp;')), 'the page shows the link the code opens')
    const png = await get(
      `${base}/qr.png?kanaal=balie&locatie=${encodeURIComponent('Stadskantoor, balie 3')}`,
    )
    assert.equal(png.headers.get('content-type'), 'image/png')
    assert.equal(decodeQrPng(new Uint8Array(await png.arrayBuffer())), expected)
    const svg = await get(`${base}/qr.svg?kanaal=balie`)
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml')
    assert.match(await svg.text(), /^<svg /)
  })

  it('refuses an unknown channel and an over-long place with an error summary, keeping what was typed', async () => {
    const base = `/o/${staff.org.slug}/vragenlijsten/${staff.survey.id}`
    const page = await get(`${base}/qr?kanaal=duif&locatie=${'x'.repeat(101)}`)
    assert.equal(page.status, 400)
    const html = await page.text()
    assert.match(html, /href="#kanaal"[^>]*>Kies een kanaal uit de lijst/)
    assert.match(html, /href="#locatie"[^>]*>Gebruik hoogstens 100 tekens/)
    assert.match(html, new RegExp(`id="locatie" name="locatie" maxlength="100" value="${'x'.repeat(101)}"`))
    const png = await get(`${base}/qr.png?kanaal=duif`)
    assert.equal(png.status, 400)
    assert.notEqual(png.headers.get('content-type'), 'image/png')
  })

  it('says a survey must be published first, and keeps other organisations and anonymous visitors out', async () => {
    const ctx = { organisationId: staff.org.id, actor: { type: 'system' as const } }
    const draft = await createSurvey(t.services.db, ctx, { definition: standardDefinition(), origin: 'test' })
    const unpublished = await get(`/o/${staff.org.slug}/vragenlijsten/${draft.id}/qr?kanaal=balie`)
    assert.equal(unpublished.status, 200)
    assert.match(await unpublished.text(), /nog niet gepubliceerd/)
    assert.equal((await get(`/o/${staff.org.slug}/vragenlijsten/${draft.id}/qr.png`)).status, 404)
    const foreign = await get(`/o/${other.org.slug}/vragenlijsten/${other.survey.id}/qr.png`)
    assert.equal(foreign.status, 404)
    const anonymous = await get(`/o/${staff.org.slug}/vragenlijsten/${staff.survey.id}/qr`, '')
    assert.equal(anonymous.status, 303)
  })
})
