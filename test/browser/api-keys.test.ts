/**
 * The staff page "API-sleutels" in real Chromium, by keyboard only, checked with axe-core (WCAG 2.2 AA)
 * in each state an administrator sees: the error summary, the new key shown once, the list, and the
 * question before revoking. A second run makes a key with JavaScript turned off.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import type { TestDatabase } from '../database.ts'
import type { TestServer } from '../server.ts'
import {
  assertNoViolations,
  DESKTOP,
  focused,
  logInAsStaff,
  type StaffBrowserTest,
  startStaffBrowserTest,
  stopBrowserTest,
} from './browser.ts'

let t: TestDatabase
let server: TestServer
let browser: StaffBrowserTest['browser']
let page: Page
let admin: StaffBrowserTest['staff']

const TOKEN = /^kb_live_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/

before(async () => {
  ;({ t, server, browser, page, staff: admin } = await startStaffBrowserTest('admin'))
})
after(() => stopBrowserTest({ browser, server, t }))

/** Presses Tab until the element matching `selector` has focus (at most 60 times). */
async function tabTo(selector: string) {
  for (let i = 0; i < 60; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  assert.fail(`${selector} never got focus; last: ${await focused(page)}`)
}

describe('the staff page API-sleutels', () => {
  it('shows an accessible error summary for an empty form, with focus on it', async () => {
    await page.goto(`${server.url}/o/${admin.org.slug}/api-sleutels`)
    await page.getByText('Deze organisatie heeft nog geen API-sleutels.').waitFor()
    await assertNoViolations(page)
    await tabTo('button[type=submit].utrecht-button--primary-action')
    await page.keyboard.press('Enter')
    const summary = page.getByRole('alert')
    await summary.getByRole('link', { name: 'Geef de sleutel een naam.' }).waitFor()
    await summary.getByRole('link', { name: 'Kies wat de sleutel mag doen.' }).waitFor()
    assert.match(await focused(page), /div/, 'the summary has focus')
    assert.match(await page.title(), /^Fout: API-sleutels/)
    await assertNoViolations(page)
  })

  it('makes a key by keyboard and shows it once, ready to copy', async () => {
    await page.goto(`${server.url}/o/${admin.org.slug}/api-sleutels`)
    await tabTo('#naam')
    await page.keyboard.type('Zaaksysteem Publiekszaken')
    await tabTo('#recht-contact-moments-write')
    await page.keyboard.press('Space')
    await tabTo('#recht-responses-read')
    await page.keyboard.press('Space')
    await tabTo('button[type=submit].utrecht-button--primary-action')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'API-sleutel gemaakt' }).waitFor()
    const token = await page.getByLabel('Uw API-sleutel').inputValue()
    assert.match(token, TOKEN)
    assert.equal(await page.getByLabel('Uw API-sleutel').getAttribute('readonly'), '')
    await assertNoViolations(page)

    await page.getByRole('link', { name: 'Terug naar de API-sleutels' }).click()
    const row = page.getByRole('row', { name: /Zaaksysteem Publiekszaken/ })
    await row.waitFor()
    assert.match(await row.innerText(), /Contactmomenten doorgeven[\s\S]*Antwoorden lezen/)
    assert.match(await row.innerText(), /Medewerker/)
    assert.ok(!(await page.content()).includes(token.slice(-43)), 'the list never shows the secret')
    await assertNoViolations(page)
  })

  it('asks before revoking, then says the key no longer works', async () => {
    await page.goto(`${server.url}/o/${admin.org.slug}/api-sleutels`)
    await tabTo('a[aria-label="Intrekken: Zaaksysteem Publiekszaken"]')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'API-sleutel intrekken' }).waitFor()
    await assertNoViolations(page)
    await tabTo('main button[type=submit]')
    await page.keyboard.press('Enter')
    await page.getByRole('status').getByText('De sleutel is ingetrokken. Hij werkt niet meer.').waitFor()
    assert.match(
      await page.getByRole('row', { name: /Zaaksysteem Publiekszaken/ }).innerText(),
      /Ingetrokken op/,
    )
    await assertNoViolations(page)
  })

  it('works without JavaScript', async () => {
    const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false })
    try {
      const noJs = await context.newPage()
      await logInAsStaff(noJs, server.url, admin)
      await noJs.goto(`${server.url}/o/${admin.org.slug}/api-sleutels`)
      await noJs.getByLabel('Naam').fill('Script zonder JavaScript')
      await noJs.getByLabel('Vragenlijsten lezen').check()
      await noJs.getByRole('button', { name: 'Sleutel maken' }).click()
      await noJs.getByRole('heading', { name: 'API-sleutel gemaakt' }).waitFor()
      assert.match(await noJs.getByLabel('Uw API-sleutel').inputValue(), TOKEN)
    } finally {
      await context.close()
    }
  })
})
