/**
 * The invitation staff screens in real Chromium with axe-core (WCAG 2.2 AA): the CSV upload (form,
 * refused file with its error summary, result), the settings overview, a survey's rule with an error
 * summary, the mail sender, and the opt-out lookup. Forms are sent with the keyboard (Enter), and the
 * pages carry no script of their own.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { createOrganisationWithStaff } from '../factories.ts'
import {
  assertNoViolations,
  type BrowserTest,
  DESKTOP,
  logInAsStaff,
  startBrowserTest,
  stopBrowserTest,
} from './browser.ts'

let parts: Partial<BrowserTest> & { context?: BrowserContext } = {}
let page: Page
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  parts = await startBrowserTest()
  const { t, server } = parts as BrowserTest
  parts.context = await (parts.browser as BrowserTest['browser']).newContext(DESKTOP)
  page = await parts.context.newPage()
  org = await createOrganisationWithStaff(t.services, 'admin')
  await logInAsStaff(page, server.url, org)
})
after(() => stopBrowserTest(parts))

const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })

describe('invitation staff screens', () => {
  it('uploads contacts: the form, a refused file and the result have no axe violations', async () => {
    await page.getByRole('link', { name: 'Uitnodigingen', exact: true }).click()
    await page.getByRole('link', { name: 'Contacten uploaden' }).click()
    await page.getByRole('heading', { level: 1, name: 'Contacten uploaden' }).waitFor()
    assert.equal(await page.locator('script').count(), 0)
    await assertNoViolations(page)

    await page
      .getByLabel('CSV-bestand')
      .setInputFiles(file('fout.csv', 'e-mail;moment\ngeen-adres;2026-11-23 10:00\n'))
    await page.getByRole('button', { name: 'Uploaden' }).press('Enter')
    await page.getByRole('heading', { name: 'Er is niets opgeslagen: het bestand heeft fouten' }).waitFor()
    assert.match(
      (await page.getByRole('alert').textContent()) ?? '',
      /Regel 2, kolom e-mail: Dit is geen geldig e-mailadres\./,
    )
    await assertNoViolations(page)

    await page
      .getByLabel('CSV-bestand')
      .setInputFiles(
        file(
          'goed.csv',
          '\uFEFFe-mail;kanaal;moment;kenmerk\r\nbrowser@example.nl;balie;2026-11-23 10:00;b-1\r\n',
        ),
      )
    await page.getByRole('button', { name: 'Uploaden' }).press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Contacten opgeslagen' }).waitFor()
    assert.equal(await page.getByRole('row', { name: 'Gepland 1' }).count(), 1)
    await assertNoViolations(page)
  })

  it('shows the settings, a rule with an error summary, and the sender without axe violations', async () => {
    const { server } = parts as BrowserTest
    await page.goto(`${server.url}/o/${org.org.slug}/uitnodigingen`)
    await page.getByRole('link', { name: 'Instellingen voor uitnodigingen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Instellingen voor uitnodigingen' }).waitFor()
    await assertNoViolations(page)

    await page
      .getByRole('link', { name: /^Regels van .* wijzigen$/ })
      .first()
      .click()
    await page.getByLabel('Steekproef (procent)').fill('150')
    await page.getByLabel('Steekproef (procent)').press('Enter')
    await page.getByRole('heading', { name: 'Er ging iets mis' }).waitFor()
    await assertNoViolations(page)
    await page.getByRole('link', { name: 'Vul een percentage in van 0 tot en met 100.' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'steekproef')
    await page.getByLabel('Steekproef (procent)').fill('50')
    await page.getByLabel('Steekproef (procent)').press('Enter')
    await page.getByText('De regels zijn opgeslagen.').waitFor()
    assert.equal(await page.getByText('Steekproef: 50%.').count(), 1)

    await page.getByRole('link', { name: 'Afzender wijzigen' }).click()
    await page.getByLabel('Antwoordadres (e-mail)').fill('kcc@example.nl')
    await page.getByLabel('Antwoordadres (e-mail)').press('Enter')
    await page.getByText('De afzender is opgeslagen.').waitFor()
    await assertNoViolations(page)
  })

  it('looks a person up and opts them out without axe violations', async () => {
    await page.getByRole('link', { name: 'Afmeldingen beheren' }).click()
    await page.getByRole('heading', { level: 1, name: 'Afmeldingen' }).waitFor()
    await assertNoViolations(page)
    await page.getByLabel('E-mailadres of telefoonnummer').fill('browser@example.nl')
    await page.getByLabel('E-mailadres of telefoonnummer').press('Enter')
    await page.getByRole('heading', { name: 'Resultaat' }).waitFor()
    await assertNoViolations(page)
    await page.getByRole('button', { name: 'Afmelden' }).press('Enter')
    await page.getByText('Deze persoon is afgemeld.').waitFor()
    await page.getByRole('button', { name: 'Afmelding intrekken' }).waitFor()
    await assertNoViolations(page)
  })
})
