/**
 * The staff survey pages in real Chromium: axe-core (WCAG 2.2 AA) on the list, the editor of a draft
 * (with B1 advice), the editor with errors, the preview and the import report.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { assertNoViolations, launchBrowser } from './browser.ts'

let t: TestDatabase
let server: TestServer
let browser: Browser
let context: BrowserContext
let page: Page
let slug: string
let publicKey: string

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  const org = await createOrganisationWithStaff(t.services, 'admin')
  publicKey = org.survey.publicKey
  slug = org.org.slug
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await page.goto(`${server.url}/login`)
  await page.getByLabel('E-mailadres').fill(org.email)
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL(`${server.url}/o/${slug}`)
})
after(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  await t?.dispose()
})

describe('the staff survey pages', () => {
  it('have no WCAG 2.2 AA violations on the list, the editor, the editor with errors and the preview', async () => {
    await page.goto(`${server.url}/o/${slug}/vragenlijsten`)
    await assertNoViolations(page)
    await page.getByRole('button', { name: 'Nieuwe vragenlijst maken' }).click()
    await page.getByRole('heading', { name: /Concept versie 1/ }).waitFor()
    await assertNoViolations(page)
    await page.locator('#q0-text').fill('')
    await page.getByRole('button', { name: 'Concept opslaan' }).click()
    await page.getByRole('alert').waitFor()
    await assertNoViolations(page)
    await page.goto(`${page.url().replace(/\/concept$/, '')}/voorbeeld`)
    await assertNoViolations(page)
  })

  it('has no WCAG 2.2 AA violations on the import report', async () => {
    await page.goto(`${server.url}/o/${slug}/vragenlijsten`)
    await page
      .getByLabel(/Bestand/)
      .setInputFiles(
        path.join(
          import.meta.dirname,
          '../../src/modules/surveys/import/fixtures/surveyjs-klantonderzoek.json',
        ),
      )
    await page.getByRole('button', { name: 'Importeren' }).click()
    await page.getByText('is geïmporteerd als concept').waitFor()
    await assertNoViolations(page)
  })

  it('has no violations on the design-token page, and the public survey takes the organisation’s colours', async () => {
    await page.goto(`${server.url}/o/${slug}/huisstijl`)
    await assertNoViolations(page)
    await page
      .getByLabel('Design tokens')
      .fill('--utrecht-button-primary-action-background-color: rgb(0, 104, 158);')
    await page.getByRole('button', { name: 'Huisstijl opslaan' }).click()
    await page.getByRole('status').waitFor()
    const { clearSurveyCache } = await import('../../src/modules/surveys/index.ts')
    clearSurveyCache()
    await page.goto(`${server.url}/s/${publicKey}`)
    const color = await page
      .getByRole('button', { name: 'Versturen' })
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    assert.equal(color, 'rgb(0, 104, 158)')
    await assertNoViolations(page)
  })
})
