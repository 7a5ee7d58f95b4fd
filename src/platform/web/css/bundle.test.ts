/**
 * The subset stylesheets as the app serves them: built from the installed packages, covering every
 * class that the rendered pages really use, and with every design token those rules need.
 * (That they look the same as the full CSS is checked in real Chromium: test/browser/css-subset.test.ts.)
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts'
import { createOrganisationWithStaff, login } from '../../../../test/factories.ts'
import { startTestServer, type TestServer } from '../../../../test/server.ts'
import { buildFromInstalled, fullStylesheetPaths, scanSourceClasses } from './bundle.ts'
import { splitRules } from './split.ts'
import { requiredClasses, selectorCanMatch, varReferences } from './subset.ts'

let t: TestDatabase
let server: TestServer
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  org = await createOrganisationWithStaff(t.services, 'admin')
})
after(async () => {
  await server?.close()
  await t?.dispose()
})

/** The HTML of every page type in the states a person sees. */
async function renderedPages() {
  const get = async (path: string, init?: RequestInit) => (await fetch(`${server.url}${path}`, init)).text()
  const survey = `/s/${org.survey.publicKey}`
  const { cookie } = await login(server.url, org.email)
  return {
    survey: await get(survey),
    surveyWithErrors: await get(survey, {
      method: 'POST',
      body: new URLSearchParams({ rapportcijfer: '11' }),
    }),
    thankYou: await get(`${survey}/bedankt`),
    login: await get('/login'),
    loginWithErrors: await get('/login', {
      method: 'POST',
      body: new URLSearchParams({ email: 'x@y.test' }),
    }),
    overview: await get(`/o/${org.org.slug}`, { headers: { cookie } }),
    notFound: await get('/bestaat-niet'),
  }
}

/** Every class named in a class attribute of the HTML. */
function classesInHtml(html: string): Set<string> {
  const out = new Set<string>()
  for (const m of html.matchAll(/\bclass="([^"]*)"/g))
    for (const c of (m[1] ?? '').split(/\s+/)) if (c) out.add(c)
  return out
}

/** Every class that some selector of the full Utrecht CSS requires. */
function utrechtClasses(): Set<string> {
  const out = new Set<string>()
  const visit = (nodes: ReturnType<typeof splitRules>) => {
    for (const n of nodes) {
      if (n.type === 'rule') for (const c of requiredClasses(n.prelude)) out.add(c)
      else if (n.type === 'at' && n.children) visit(n.children)
    }
  }
  visit(splitRules(fs.readFileSync(fullStylesheetPaths()['utrecht.css'], 'utf8')))
  return out
}

describe('the subset stylesheets', () => {
  it('cover every design-system class that the rendered pages use', async () => {
    const pages = await renderedPages()
    assert.match(pages.surveyWithErrors, /utrecht-alert--error/, 'the error state was not rendered')
    assert.match(pages.overview, /utrecht-table/, 'the overview was not rendered')
    const scan = scanSourceClasses()
    const styled = utrechtClasses()
    const missing: string[] = []
    for (const [page, html] of Object.entries(pages)) {
      for (const c of classesInHtml(html)) {
        if (styled.has(c) && !selectorCanMatch(`.${c}`, scan)) missing.push(`${page}: ${c}`)
      }
    }
    assert.deepEqual(missing, [])
  })

  it('keep the rules of classes in use and drop those of components we never render', () => {
    const built = buildFromInstalled()
    assert.match(built['utrecht.css'], /\.utrecht-button--primary-action[,{]/)
    assert.match(built['utrecht.css'], /\.utrecht-form-fieldset--invalid[,{]/)
    assert.doesNotMatch(built['utrecht.css'], /\.utrecht-accordion/)
    assert.doesNotMatch(built['utrecht.css'], /\.utrecht-grid/)
    assert.ok(built.stats.utrechtRules.kept < built.stats.utrechtRules.full / 5, JSON.stringify(built.stats))
  })

  it('keep every theme token the kept rules use, transitively, and only under .voorbeeld-theme', () => {
    const built = buildFromInstalled()
    const fullTheme = fs.readFileSync(fullStylesheetPaths()['theme.css'], 'utf8')
    const definedInFull = new Set<string>(fullTheme.match(/--[\w-]+(?=\s*:)/g) ?? [])
    const definedInSubset = new Set<string>(built['theme.css'].match(/--[\w-]+(?=\s*:)/g) ?? [])
    const used = [...varReferences(built['utrecht.css']), ...varReferences(built['theme.css'])]
    const lost = used.filter((name) => definedInFull.has(name) && !definedInSubset.has(name))
    assert.deepEqual(lost, [])
    assert.ok(definedInSubset.has('--utrecht-button-primary-action-background-color'))
    assert.ok(
      definedInSubset.size < definedInFull.size / 3,
      `${definedInSubset.size} of ${definedInFull.size}`,
    )
    assert.match(built['theme.css'], /^\.voorbeeld-theme\{/)
  })

  it('are what the app serves at the URLs the pages link', async () => {
    const html = await (await fetch(`${server.url}/s/${org.survey.publicKey}`)).text()
    const built = buildFromInstalled()
    for (const name of ['utrecht.css', 'theme.css'] as const) {
      const href = new RegExp(`href="(/assets/[0-9a-f]+/${name.replace('.', '\\.')})"`).exec(html)?.[1]
      assert.ok(href, `the page links no ${name}`)
      assert.equal(await (await fetch(`${server.url}${href}`)).text(), built[name])
    }
  })
})
