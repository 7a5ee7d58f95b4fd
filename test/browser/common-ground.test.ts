/**
 * The staff page Koppelingen (Common Ground) in real Chromium: WCAG 2.2 AA with axe-core, fresh and with
 * an error summary, and the settings form usable with the keyboard alone.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext } from 'playwright-core'
import { addMapping } from '../../src/modules/common-ground/mappings.ts'
import { createOrganisationWithStaff } from '../factories.ts'
import {
  assertNoViolations,
  type BrowserTest,
  DESKTOP,
  focused,
  logInAsStaff,
  scrollsHorizontally,
  startBrowserTest,
  stopBrowserTest,
} from './browser.ts'

let b: BrowserTest
let context: BrowserContext
let org: Awaited<ReturnType<typeof createOrganisationWithStaff>>

before(async () => {
  b = await startBrowserTest()
  org = await createOrganisationWithStaff(b.t.services, 'admin')
  context = await b.browser.newContext(DESKTOP)
  // A mapping and a notification, so the page shows both tables with their buttons.
  const ctx = { organisationId: org.org.id, actor: { type: 'system' as const } }
  await addMapping(b.t.services.db, ctx, {
    zaaktypeUrl: 'https://catalogi.example.nl/catalogi/api/v1/zaaktypen/1',
    surveyId: org.survey.id,
    productId: '',
    channelId: '',
  })
  await b.t.services.db
    .insertInto('common_ground_notification')
    .values({
      organisation_id: org.org.id,
      id: '0190f3a0-0000-7000-8000-0000000000aa',
      dedupe_key: 'x',
      kanaal: 'zaken',
      resource: 'status',
      actie: 'create',
      resource_url: 'https://zaken.example.nl/zaken/api/v1/statussen/1',
      hoofd_object: 'https://zaken.example.nl/zaken/api/v1/zaken/1',
      aanmaakdatum: new Date(),
      status: 'skipped',
      outcome: 'unmapped_zaaktype',
      attempts: 1,
    })
    .execute()
})
after(async () => stopBrowserTest({ ...b, context }))

describe('the staff page Koppelingen', () => {
  it('has no WCAG 2.2 AA violations, fresh and with the error summary, and works with the keyboard', async () => {
    const page = await context.newPage()
    await logInAsStaff(page, b.server.url, org)
    await page.goto(`${b.server.url}/o/${org.org.slug}/koppelingen`)
    await page.getByRole('table', { name: /Welke vragenlijst/ }).waitFor()
    await page.getByText('Geen vragenlijst voor dit zaaktype').waitFor()
    await assertNoViolations(page)
    // Keyboard only: focus the first field, type, tab through to the button and press Enter.
    await page.getByLabel('Adres van de Notificaties API').focus()
    await page.keyboard.type('geen adres')
    for (let i = 0; i < 4 && !(await focused(page)).includes('Instellingen opslaan'); i++)
      await page.keyboard.press('Tab')
    assert.match(await focused(page), /Instellingen opslaan/)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Er ging iets mis' }).waitFor()
    assert.match(await page.title(), /^Fout: Koppelingen/)
    await assertNoViolations(page)
    await page.getByRole('link', { name: /Vul het adres van de Notificaties API in/ }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'notificatiesUrl')
  })

  it('fits 320 CSS px without scrolling sideways (WCAG 1.4.10): long addresses wrap', async () => {
    const narrow = await b.browser.newContext({ viewport: { width: 320, height: 640 } })
    try {
      const page = await narrow.newPage()
      await logInAsStaff(page, b.server.url, org)
      await page.goto(`${b.server.url}/o/${org.org.slug}/koppelingen`)
      const r = await scrollsHorizontally(page)
      assert.equal(r.scrolls, false, `${r.scrollWidth}px > ${r.clientWidth}px`)
    } finally {
      await narrow.close()
    }
  })
})
