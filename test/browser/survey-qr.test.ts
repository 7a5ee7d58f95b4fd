/**
 * The QR page of a survey in real Chromium: by keyboard only, choose a channel and a place, make the
 * code, and read the code shown on the screen back with an independent decoder (jsQR) from a
 * screenshot; axe-core (WCAG 2.2 AA) on the page with its code and on its error summary.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { TestDatabase } from '../database.ts'
import { decodeQrPng } from '../qr.ts'
import type { TestServer } from '../server.ts'
import {
  assertNoViolations,
  focused,
  type StaffBrowserTest,
  startStaffBrowserTest,
  stopBrowserTest,
} from './browser.ts'

let t: TestDatabase
let server: TestServer
let browser: Browser
let page: Page
let staff: StaffBrowserTest['staff']

before(async () => {
  ;({ t, server, browser, page, staff } = await startStaffBrowserTest('analyst'))
})
after(() => stopBrowserTest({ browser, server, t }))

describe('the QR code of a survey', () => {
  it('is made by keyboard and the code on the screen opens the link with channel and place', async () => {
    await page.goto(`${server.url}/o/${staff.org.slug}/vragenlijsten/${staff.survey.id}/qr`)
    await page.locator('#kanaal').focus()
    assert.match(await focused(page), /#kanaal/)
    await page.keyboard.press('End') // the last channel in the list, by name: Website
    await page.keyboard.press('Tab')
    await page.keyboard.type('Stadskantoor, balie 3')
    await page.keyboard.press('Enter')
    const img = page.getByRole('img', { name: /QR-code met de link/ })
    await img.waitFor()
    await page.waitForFunction(() => {
      const el = document.querySelector('img.kb-qr') as HTMLImageElement | null
      return el?.complete && el.naturalWidth > 0
    })
    const decoded = decodeQrPng(await img.screenshot())
    assert.equal(
      decoded,
      `http://localhost:3000/s/${staff.survey.publicKey}?kanaal=website&locatie=Stadskantoor%2C+balie+3`,
    )
    await assertNoViolations(page)
  })

  it('shows an accessible error summary for a place that is too long', async () => {
    await page.goto(
      `${server.url}/o/${staff.org.slug}/vragenlijsten/${staff.survey.id}/qr?kanaal=balie&locatie=${'x'.repeat(101)}`,
    )
    await page.getByRole('alert').getByRole('link', { name: 'Gebruik hoogstens 100 tekens.' }).waitFor()
    await assertNoViolations(page)
  })
})
