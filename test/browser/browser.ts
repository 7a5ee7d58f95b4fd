/**
 * Browser harness: Debian's Chromium driven by playwright-core, and axe-core for WCAG checks.
 *
 * Chromium from Debian needs these flags on these machines (see ARCHITECTURE.md, pitfalls). Playwright's
 * `launch()` always starts Chromium with a fresh `--user-data-dir` of its own (a mkdtemp directory it
 * removes on close), which is why it is not passed here: Playwright refuses that flag in `args`.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import type { Role } from '../../src/modules/organisations/index.ts'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'

const require = createRequire(import.meta.url)

/** Where Debian's `chromium` package installs the browser; CI installs it when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Launches headless Chromium with a fresh profile; close it in `after()`. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (Debian) or set CHROMIUM_PATH`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 })
}

/** The desktop window that pages are checked in (`browser.newContext(DESKTOP)`). */
export const DESKTOP = { viewport: { width: 1280, height: 900 } }

/** What a browser test runs against: a test database, the web application on it, and Chromium. */
export interface BrowserTest {
  t: TestDatabase
  server: TestServer
  browser: Browser
}

/** Starts a browser test's database, server and Chromium; what did start is closed again if one fails. */
export async function startBrowserTest(): Promise<BrowserTest> {
  const t = await createTestDatabase()
  let server: TestServer | undefined
  try {
    server = await startTestServer(t.services)
    return { t, server, browser: await launchBrowser() }
  } catch (error) {
    await server?.close()
    await t.dispose()
    throw error
  }
}

/** Closes what a browser test opened, newest first; for `after()`, so parts that never started are skipped. */
export async function stopBrowserTest(parts: Partial<BrowserTest> & { context?: BrowserContext }) {
  await parts.context?.close()
  await parts.browser?.close()
  await parts.server?.close()
  await parts.t?.dispose()
}

/** Logs a staff member in with the login form and waits for the organisation's start page. */
export async function logInAsStaff(
  page: Page,
  baseUrl: string,
  staff: { email: string; org: { slug: string } },
) {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('E-mailadres').fill(staff.email)
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL(`${baseUrl}/o/${staff.org.slug}`)
}

/** A browser test with a new organisation and one staff member, logged in on a desktop page. */
export interface StaffBrowserTest extends BrowserTest {
  staff: Awaited<ReturnType<typeof createOrganisationWithStaff>>
  page: Page
}

/**
 * Starts a browser test for a staff page: database, server and Chromium, an organisation with one
 * staff member of `role`, and a desktop page on which that member is logged in. Close it with
 * stopBrowserTest; what did start is closed again if a step fails.
 */
export async function startStaffBrowserTest(role: Role): Promise<StaffBrowserTest> {
  const parts = await startBrowserTest()
  try {
    const staff = await createOrganisationWithStaff(parts.t.services, role)
    const page = await (await parts.browser.newContext(DESKTOP)).newPage()
    await logInAsStaff(page, parts.server.url, staff)
    return { ...parts, staff, page }
  } catch (error) {
    await stopBrowserTest(parts)
    throw error
  }
}

/** The WCAG levels Klankbord promises: 2.0, 2.1 and 2.2, A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** One axe violation, reduced to what a failing assertion should show. */
export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: string; html: string; summary: string }[]
}

/** The result of one axe run. */
export interface AxeReport {
  violations: AxeViolation[]
  /** Readable text for assertion messages: one block per violation with the offending elements. */
  summary: string
  /** How many rules passed, so a test can see that axe really checked something. */
  passes: number
}

let axeSource: string | null = null

/**
 * Runs axe-core on the page as it is now. The script is evaluated over the DevTools protocol, which
 * the page's CSP (`script-src 'self'`) does not govern, so the page keeps its real headers.
 */
export async function runAxe(page: Page): Promise<AxeReport> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  const loaded = await page.evaluate(`${axeSource};typeof window.axe === 'object'`)
  if (loaded !== true) throw new Error('axe-core did not load in the page')
  const raw = (await page.evaluate(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })`,
  )) as {
    violations: {
      id: string
      impact: string | null
      help: string
      helpUrl: string
      nodes: { target: unknown[]; html: string; failureSummary?: string }[]
    }[]
    passes: unknown[]
  }
  const violations: AxeViolation[] = raw.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String).join(' '),
      html: n.html,
      summary: n.failureSummary ?? '',
    })),
  }))
  const summary = violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes
          .map((n) => `  - ${n.target}\n    ${n.html}\n    ${n.summary.replace(/\n/g, '\n    ')}`)
          .join('\n'),
    )
    .join('\n')
  return {
    violations,
    summary: `${page.url()}: ${violations.length} axe violation(s)\n${summary}`,
    passes: raw.passes.length,
  }
}

/** Fails with axe's readable summary unless the page has zero WCAG 2.2 AA violations (and axe ran rules). */
export async function assertNoViolations(page: Page) {
  const report = await runAxe(page)
  assert.ok(report.passes > 0, 'axe checked no rules at all')
  assert.equal(report.violations.length, 0, report.summary)
}

/** True when the page can be scrolled sideways (WCAG 1.4.10 reflow fails at 320 CSS px). */
export async function scrollsHorizontally(
  page: Page,
): Promise<{ scrolls: boolean; scrollWidth: number; clientWidth: number }> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  return { scrolls: scrollWidth > clientWidth, scrollWidth, clientWidth }
}

/** Describes the focused element (tag, id, name, type, text) so focus-order assertions read well. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    const parts = [el.tagName.toLowerCase()]
    if (el.id) parts.push(`#${el.id}`)
    const name = el.getAttribute('name')
    if (name) parts.push(`[name=${name}]`)
    if (el instanceof HTMLInputElement) parts.push(`[type=${el.type}]`)
    if (el instanceof HTMLAnchorElement || el instanceof HTMLButtonElement)
      parts.push(`"${(el.textContent ?? '').trim()}"`)
    return parts.join('')
  })
}
