import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts'
import { createOrganisationWithStaff, login } from '../../../test/factories.ts'
import { startTestServer, type TestServer } from '../../../test/server.ts'

let t: TestDatabase
let server: TestServer
let admin: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let analyst: Awaited<ReturnType<typeof createOrganisationWithStaff>>

async function session(email: string, slug: string) {
  const { cookie } = await login(server.url, email)
  const html = await (await fetch(`${server.url}/o/${slug}/meetmodel`, { headers: { cookie } })).text()
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' }
}

function post(slug: string, s: { cookie: string; csrf: string }, tokens: string) {
  return fetch(`${server.url}/o/${slug}/huisstijl`, {
    method: 'POST',
    headers: { cookie: s.cookie },
    body: new URLSearchParams({ _csrf: s.csrf, tokens }),
    redirect: 'manual',
  })
}

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  admin = await createOrganisationWithStaff(t.services, 'admin')
  analyst = await createOrganisationWithStaff(t.services, 'analyst')
})
after(async () => {
  await server.close()
  await t.dispose()
})

describe("an organisation's own design tokens", () => {
  it('are stored by an administrator, linked from the public survey page and served as a stylesheet', async () => {
    const s = await session(admin.email, admin.org.slug)
    const before = await (await fetch(`${server.url}/s/${admin.survey.publicKey}`)).text()
    assert.doesNotMatch(before, /huisstijl\.css/)
    const res = await post(admin.org.slug, s, '--utrecht-button-primary-action-background-color: #00689e;')
    assert.equal(res.status, 303)
    const { clearSurveyCache } = await import('../surveys/index.ts')
    clearSurveyCache()
    const page = await (await fetch(`${server.url}/s/${admin.survey.publicKey}`)).text()
    const href = /<link rel="stylesheet" href="(\/o\/[^"]+\/huisstijl\.css\?v=[a-z0-9]+)"/.exec(page)?.[1]
    assert.ok(href, 'the survey page links the tokens')
    assert.ok(page.indexOf('theme.css') < page.indexOf(href), 'after the default theme, so the tokens win')
    const css = await fetch(`${server.url}${href}`)
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/)
    assert.equal(
      await css.text(),
      'html.voorbeeld-theme {\n  --utrecht-button-primary-action-background-color: #00689e;\n}\n',
    )
  })

  it('refuses a token that could load something, says which line, and keeps the stored tokens', async () => {
    const s = await session(admin.email, admin.org.slug)
    const res = await post(admin.org.slug, s, '--a: 1px;\n--b: url(https://evil.example/);')
    assert.equal(res.status, 400)
    assert.match(await res.text(), /Regel 2: De waarde van --b is niet toegestaan\./)
    const css = await (await fetch(`${server.url}/o/${admin.org.slug}/huisstijl.css`)).text()
    assert.match(css, /#00689e/)
    assert.doesNotMatch(css, /--a/)
  })

  it('may only be changed by an administrator of that organisation', async () => {
    const s = await session(analyst.email, analyst.org.slug)
    assert.equal((await post(analyst.org.slug, s, '--a: 1px;')).status, 403)
    assert.equal((await post(admin.org.slug, s, '--a: 1px;')).status, 404)
    const anonymous = await fetch(`${server.url}/o/${admin.org.slug}/huisstijl`, { redirect: 'manual' })
    assert.equal(anonymous.status, 303)
  })

  it('are linked from the main navigation of every staff page for administrators only', async () => {
    const handler = await createOrganisationWithStaff(t.services, 'handler')
    const viewer = await createOrganisationWithStaff(t.services, 'viewer')
    const pages = ['', '/meetmodel', '/vragenlijsten']
    for (const [who, shown] of [
      [admin, true],
      [analyst, false],
      [handler, false],
      [viewer, false],
    ] as const) {
      const { cookie } = await login(server.url, who.email)
      for (const page of pages) {
        const res = await fetch(`${server.url}/o/${who.org.slug}${page}`, { headers: { cookie } })
        assert.equal(res.status, 200, `${who.email} ${page}`)
        const nav = /<nav aria-label="Hoofdmenu"[^>]*>([\s\S]*?)<\/nav>/.exec(await res.text())?.[1] ?? ''
        assert.match(nav, /Vragenlijsten/, 'the navigation is there')
        const link = `<a class="utrecht-link" href="/o/${who.org.slug}/huisstijl">Huisstijl</a>`
        assert.equal(nav.includes(link), shown, `${who.email} on ${page || '/'}`)
      }
    }
  })
})
