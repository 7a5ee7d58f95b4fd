/**
 * WCAG 2.2 AA checks with axe-core in real Chromium on every page of the thin slice, in the states a
 * person actually sees (fresh, with errors, after submitting), plus reflow at 320 CSS px (WCAG 1.4.10:
 * 1280 px at 400% zoom is 320 CSS px wide).
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestDatabase, type TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import { startTestServer, type TestServer } from '../server.ts'
import { assertNoViolations, launchBrowser, scrollsHorizontally } from './browser.ts'

let t: TestDatabase
let server: TestServer
let browser: Browser
let context: BrowserContext
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>

/** Sends `count` varied responses through the public JSON API so the overview has a chart and tables. */
async function seedResponses(publicKey: string, count: number) {
  const channels = ['website', 'balie', 'telefoon']
  const agreement = ['1', '2', '3', '4', '5', 'dont_know']
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${server.url}/api/v1/surveys/${publicKey}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        submissionKey: `seed-${i.toString().padStart(4, '0')}`,
        channel: channels[i % channels.length],
        answers: {
          rapportcijfer: 3 + ((i * 7) % 8),
          duidelijkheid: Number(agreement[i % 5]),
          snelheid: agreement[(i + 2) % 6],
          waarom: i % 4 === 0 ? 'Ik werd vriendelijk en snel geholpen.' : undefined,
        },
      }),
    })
    assert.equal(res.status, 201, `seeding response ${i}: ${await res.text()}`)
  }
}

before(async () => {
  t = await createTestDatabase()
  server = await startTestServer(t.services)
  org = await createOrganisationWithStaff(t.services, 'admin')
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
})
after(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  await t?.dispose()
})

describe('the public survey pages', () => {
  it('have no WCAG 2.2 AA violations on the fresh survey page', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/s/${org.survey.publicKey}`)
    await assertNoViolations(page)
    await page.close()
  })

  it('have no WCAG 2.2 AA violations when the survey page shows validation errors', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/s/${org.survey.publicKey}`)
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.waitForURL(`${server.url}/s/${org.survey.publicKey}`)
    await page.getByRole('alert').waitFor()
    assert.match(await page.title(), /^Fout: /)
    await assertNoViolations(page)
    await page.close()
  })

  it('have no WCAG 2.2 AA violations on the thank-you page', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/s/${org.survey.publicKey}`)
    await page.getByLabel('8', { exact: true }).check()
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.waitForURL(`${server.url}/s/${org.survey.publicKey}/bedankt`)
    await assertNoViolations(page)
    await page.close()
  })

  it('reflow at 320 CSS pixels wide (1280 px at 400% zoom) without horizontal scrolling', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } })
    const page = await narrow.newPage()
    await page.goto(`${server.url}/s/${org.survey.publicKey}`)
    const fresh = await scrollsHorizontally(page)
    assert.equal(
      fresh.scrolls,
      false,
      `survey page is ${fresh.scrollWidth}px wide in a ${fresh.clientWidth}px viewport`,
    )
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.getByRole('alert').waitFor()
    const withErrors = await scrollsHorizontally(page)
    assert.equal(
      withErrors.scrolls,
      false,
      `survey page with errors is ${withErrors.scrollWidth}px wide in a ${withErrors.clientWidth}px viewport`,
    )
    await narrow.close()
  })
})

describe('the staff pages', () => {
  it('have no WCAG 2.2 AA violations on the login page', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/login`)
    await assertNoViolations(page)
    await page.close()
  })

  it('have no WCAG 2.2 AA violations on the login page with errors', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/login`)
    await page.getByLabel('E-mailadres').fill('niemand@example.test')
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.getByRole('alert').waitFor()
    assert.match(await page.title(), /^Fout: /)
    await assertNoViolations(page)
    await page.close()
  })

  it('have no WCAG 2.2 AA violations on the overview with a chart and tables', async () => {
    await seedResponses(org.survey.publicKey, 40)
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await staff.newPage()
    await page.goto(`${server.url}/login`)
    await page.getByLabel('E-mailadres').fill(org.email)
    await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Inloggen' }).click()
    await page.waitForURL(`${server.url}/o/${org.org.slug}`)
    // The chart and both tables must really be there, or this check proves nothing.
    assert.equal(await page.locator('figure svg[role="img"]').count(), 1)
    assert.equal(await page.locator('table').count(), 2)
    await assertNoViolations(page)
    await staff.close()
  })
})

describe('the error pages', () => {
  it('have no WCAG 2.2 AA violations on the 404 page', async () => {
    const page = await context.newPage()
    const res = await page.goto(`${server.url}/bestaat-niet`)
    assert.equal(res?.status(), 404)
    await assertNoViolations(page)
    await page.close()
  })
})
