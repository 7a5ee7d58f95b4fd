/**
 * The public invitation pages in real Chromium with axe-core (WCAG 2.2 AA): a survey link that no
 * longer works, and the opt-out question and its confirmation. The pages carry no script at all.
 * Also the staff page "Uitnodigingen" with its counts, log and a period that is refused.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { invitationKey, recordContactMoment } from '../../src/modules/invitations/index.ts'
import { mintLinkToken, optOutToken } from '../../src/modules/invitations/tokens.ts'
import { dutchWorkingDays } from '../../src/platform/calendar/index.ts'
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
let invitationId: string
let key: string

before(async () => {
  parts = await startBrowserTest()
  const { t } = parts as BrowserTest
  parts.context = await (parts.browser as BrowserTest['browser']).newContext(DESKTOP)
  page = await parts.context.newPage()
  org = await createOrganisationWithStaff(t.services, 'admin')
  key = await invitationKey(t.services.db, t.services.config.SESSION_SECRET)
  const moment = await recordContactMoment(
    t.services.db,
    { organisationId: org.org.id, actor: { type: 'system' } },
    {
      surveyId: org.survey.id,
      channel: 'balie',
      contact: { email: 'browser@example.nl' },
      occurredAt: new Date(),
      source: 'api',
    },
    { key, calendar: dutchWorkingDays(), now: new Date() },
  )
  invitationId = moment.invitation.id
})
after(() => stopBrowserTest(parts))

describe('invitation pages', () => {
  it('shows an expired link as a plain Dutch page with status 410 and no axe violations', async () => {
    const { t, server } = parts as BrowserTest
    const { token, hash } = mintLinkToken()
    await t.services.db
      .updateTable('invitation')
      .set({ status: 'expired', address: null, token_hash: hash, expires_at: new Date(Date.now() - 60_000) })
      .where('organisation_id', '=', org.org.id)
      .where('id', '=', invitationId)
      .execute()
    const res = await page.goto(`${server.url}/i/${token}`)
    assert.equal(res?.status(), 410)
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Deze link werkt niet meer')
    await assertNoViolations(page)
  })

  it('asks to opt out with one button, confirms, and both pages have no axe violations', async () => {
    const { server } = parts as BrowserTest
    await page.goto(`${server.url}/afmelden/${optOutToken(key, org.org.id, invitationId)}`)
    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      'Geen uitnodigingen meer ontvangen',
    )
    assert.equal(await page.locator('script').count(), 0)
    await assertNoViolations(page)
    await page.getByRole('button', { name: 'Afmelden' }).click()
    await page.getByRole('heading', { name: 'U bent afgemeld' }).waitFor()
    await assertNoViolations(page)
  })

  it('shows the staff page "Uitnodigingen" and its error summary without axe violations', async () => {
    const { server } = parts as BrowserTest
    const staffPage = await (parts.context as BrowserContext).newPage()
    await logInAsStaff(staffPage, server.url, org)
    await staffPage.getByRole('link', { name: 'Uitnodigingen' }).click()
    await staffPage.getByRole('heading', { level: 1, name: 'Uitnodigingen' }).waitFor()
    assert.equal((await staffPage.getByRole('row').count()) > 2, true, 'counts and log have rows')
    await assertNoViolations(staffPage)
    await staffPage.getByLabel('Van (datum)').fill('2026-11-20')
    await staffPage.getByLabel('Tot en met (datum)').fill('2026-11-01')
    await staffPage.getByRole('button', { name: 'Toon' }).click()
    await staffPage.getByRole('heading', { name: 'Er ging iets mis' }).waitFor()
    await assertNoViolations(staffPage)
    await staffPage.close()
  })
})
