/**
 * WCAG 2.2 AA checks with axe-core in real Chromium on the measurement model pages: the house page
 * (drawing plus accessible structure), the edit page of a draft, and the edit page with errors. Uses
 * the measurement module's test app, because its routes are not mounted in src/main/http.ts yet.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import { startTestServer } from '../server.ts'
import { assertNoViolations, launchBrowser } from './browser.ts'

let t: TestDatabase
let server: { url: string; close(): Promise<void> }
let browser: Browser
let context: BrowserContext
let page: Page
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  org = await createOrganisationWithStaff(t.services, 'admin')
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await page.goto(`${server.url}/login?next=/o/${org.org.slug}/meetmodel`)
  await page.getByLabel('E-mailadres').fill(org.email)
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL(`${server.url}/o/${org.org.slug}/meetmodel`)
})
after(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  await t?.dispose()
})

describe('the measurement model pages', () => {
  it('have no WCAG 2.2 AA violations on the page without a model', async () => {
    await assertNoViolations(page)
  })

  it('have no WCAG 2.2 AA violations on the edit page of a draft made from kern', async () => {
    await page.getByRole('button', { name: 'Meetmodel maken' }).click()
    await page.waitForURL(`${server.url}/o/${org.org.slug}/meetmodel/concept`)
    assert.equal(await page.locator('figure svg[role="img"]').count(), 1)
    await assertNoViolations(page)
  })

  it('have no WCAG 2.2 AA violations when the edit page shows errors, and focus the error summary', async () => {
    await page.getByRole('button', { name: 'Drijfveer toevoegen' }).click()
    await page.getByRole('alert').waitFor()
    assert.match(await page.title(), /^Fout: /)
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert')
    await assertNoViolations(page)
  })

  it('have no WCAG 2.2 AA violations on the house page of a published model', async () => {
    await page.goto(`${server.url}/o/${org.org.slug}/meetmodel/concept`)
    await page.getByRole('button', { name: 'Versie 1 publiceren' }).click()
    await page.waitForURL(`${server.url}/o/${org.org.slug}/meetmodel?gepubliceerd=1`)
    // The drawing, the nested list and the table must really be there, or this check proves nothing.
    const drawing = page.getByRole('img', { name: /Tekening van het meethuis, versie 1/ })
    assert.equal(await drawing.count(), 1)
    assert.match((await drawing.getAttribute('aria-label')) ?? '', /Pijlers \(drijfveren\): Duidelijkheid/)
    assert.equal(await page.locator('ul.kb-model-tree > li > ul > li > ul > li').count(), 5)
    assert.equal(await page.locator('table').count(), 1)
    await assertNoViolations(page)
  })
})
