/**
 * Core questions (kernvragen) in the staff editor, in real Chromium: the marker, adding a core question
 * with the select and button, and the notice when a changed core question became an eigen vraag; axe-core
 * (WCAG 2.2 AA) on the editor with that notice.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { TestDatabase } from '../database.ts'
import type { TestServer } from '../server.ts'
import {
  assertNoViolations,
  type StaffBrowserTest,
  startStaffBrowserTest,
  stopBrowserTest,
} from './browser.ts'

let t: TestDatabase
let server: TestServer
let browser: Browser
let page: Page
let slug: string

before(async () => {
  let staff: StaffBrowserTest['staff']
  ;({ t, server, browser, page, staff } = await startStaffBrowserTest('admin'))
  slug = staff.org.slug
})
after(() => stopBrowserTest({ browser, server, t }))

describe('core questions in the survey editor', () => {
  it('adds a core question, marks it, and says when a changed core question became an eigen vraag', async () => {
    await page.goto(`${server.url}/o/${slug}/vragenlijsten`)
    await page.getByRole('button', { name: 'Nieuwe vragenlijst maken' }).click()
    await page.getByRole('heading', { name: /Concept versie 1/ }).waitFor()
    assert.equal(await page.getByText('Kernvraag (Snelheid, versie 1)').count(), 1)

    await page.getByLabel(/Kernvraag uit het standaard meethuis/).selectOption('kern.meedenken@1')
    await page.getByRole('button', { name: 'Kernvraag toevoegen' }).click()
    await page.getByText('Kernvraag (Meedenken, versie 1)').waitFor()

    await page.locator('#q2-text').fill('Ik hoefde niet lang te wachten.')
    await page.getByRole('button', { name: 'Concept opslaan' }).click()
    const notice = page.getByRole('status').filter({ hasText: 'is nu een eigen (lokale) vraag' })
    await notice.waitFor()
    assert.match((await notice.textContent()) ?? '', /Vraag ‘snelheid’ is nu een eigen \(lokale\) vraag/)
    assert.equal(await page.getByText('Kernvraag (Snelheid, versie 1)').count(), 0)
    await assertNoViolations(page)
  })
})
