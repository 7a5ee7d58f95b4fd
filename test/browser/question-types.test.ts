/**
 * Every question type in real Chromium: axe-core (WCAG 2.2 AA) on every screen of a survey that holds
 * all types, in Dutch and English, fresh and with errors; reflow at 320 CSS px; and a keyboard-only run
 * through the whole survey, checked against what was stored.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { storedAnswerRows } from '../answers.ts'
import type { TestDatabase } from '../database.ts'
import { createOrganisationWithEveryTypeSurvey } from '../factories.ts'
import type { TestServer } from '../server.ts'
import {
  assertNoViolations,
  DESKTOP,
  focused,
  scrollsHorizontally,
  startBrowserTest,
  stopBrowserTest,
} from './browser.ts'

let t: TestDatabase
let server: TestServer
let browser: Browser
let context: BrowserContext
let orgId: string
let key: string

before(async () => {
  ;({ t, server, browser } = await startBrowserTest())
  const org = await createOrganisationWithEveryTypeSurvey(t.services)
  orgId = org.org.id
  key = org.everyType.publicKey
  context = await browser.newContext(DESKTOP)
})
after(() => stopBrowserTest({ context, browser, server, t }))

/** Fills screen 1 and 2 with a low grade so every question (also the follow-up) is shown. */
async function toScreen(page: Page, screen: 1 | 2 | 3, lang = 'nl') {
  await page.goto(`${server.url}/s/${key}?taal=${lang}`)
  if (screen === 1) return
  await page.locator('#cijfer-4').check()
  await page.locator('#gevoel-negative').check()
  await page.locator('button[value="next"]').click()
  await page.locator('#duidelijk').waitFor()
  if (screen === 2) return
  await page.locator('#duidelijk-4').check()
  await page.locator('button[value="next"]').click()
  await page.locator('#reden').waitFor()
}

describe('every question type on the public page', () => {
  for (const lang of ['nl', 'en']) {
    for (const screen of [1, 2, 3] as const) {
      it(`has no WCAG 2.2 AA violations on screen ${screen} (${lang}), and reflows at 320 px`, async () => {
        const page = await context.newPage()
        await toScreen(page, screen, lang)
        await assertNoViolations(page)
        await page.setViewportSize({ width: 320, height: 800 })
        assert.equal((await scrollsHorizontally(page)).scrolls, false, 'no horizontal scrolling at 320 px')
        await page.close()
      })
    }
  }

  it('has no violations when a screen shows errors for several types at once', async () => {
    const page = await context.newPage()
    await toScreen(page, 3)
    await page.locator('#bezoekdatum').fill('31-2-2026')
    await page.locator('#kanalen-telefoon').check()
    await page.locator('#kanalen-website').check()
    await page.locator('#kanalen-brief').check()
    await page.locator('button[value="send"]').click()
    await page.getByRole('alert').waitFor()
    assert.equal(await page.getByRole('alert').getByRole('link').count(), 2)
    await assertNoViolations(page)
    await page.close()
  })

  it('shows a smiley’s reasons once that smiley is chosen', async () => {
    const page = await context.newPage()
    await toScreen(page, 1)
    const reasons = page.locator('.kb-reasons--negative')
    assert.equal(await reasons.isVisible(), false)
    await page.locator('#gevoel-negative').check()
    assert.equal(await reasons.isVisible(), true)
    await assertNoViolations(page)
    await page.close()
  })
})

/** Presses Tab until `selector` has focus (at most `max` times), so the run stays keyboard-only. */
async function tabTo(page: Page, selector: string, max = 25) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  assert.fail(`Tab never reached ${selector}; focus is on ${await focused(page)}`)
}

describe('a person using only the keyboard', () => {
  it('answers every question type, across three screens, and the response holds exactly that', async () => {
    const ctx = await browser.newContext()
    const page = await ctx.newPage()
    await page.goto(`${server.url}/s/${key}`)
    // Screen 1: grade 3 (arrows), smiley negative + reason, CES 6, NPS 0.
    await tabTo(page, '#cijfer-1')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await tabTo(page, '#gevoel-negative')
    await page.keyboard.press('Space')
    // A radio group is one Tab stop: Tab reaches its first reason, the arrow key picks the second.
    await tabTo(page, '#gevoel--reden-negative-wachttijd')
    await page.keyboard.press('ArrowDown')
    await tabTo(page, '#moeite-1')
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown')
    await tabTo(page, '#aanbevelen-0')
    await page.keyboard.press('Space')
    await tabTo(page, 'button[value="next"]')
    await page.keyboard.press('Enter')
    await page.locator('#duidelijk').waitFor()
    // Screen 2 (statements in the respondent's order): answer each "Eens" (4), then the follow-up.
    for (let n = 0; n < 3; n++) {
      await tabTo(page, 'input[type=radio][value="1"]')
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
    }
    await tabTo(page, '#wat_mis')
    await page.keyboard.type('Niemand zei iets.')
    await tabTo(page, 'button[value="next"]')
    await page.keyboard.press('Enter')
    await page.locator('#reden').waitFor()
    // Screen 3: "anders" with text, two channels, yes, a date, a consent ticked.
    await tabTo(page, '#reden-paspoort')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await tabTo(page, '#reden--anders')
    await page.keyboard.type('Verhuizing')
    await tabTo(page, '#kanalen-telefoon')
    await page.keyboard.press('Space')
    await tabTo(page, '#kanalen-brief')
    await page.keyboard.press('Space')
    await tabTo(page, '#eerder-yes')
    await page.keyboard.press('Space')
    await tabTo(page, '#bezoekdatum')
    await page.keyboard.type('2-11-2026')
    await tabTo(page, '#toelichting')
    await page.keyboard.type('Dank u.')
    await tabTo(page, '#mag_bellen-yes')
    await page.keyboard.press('Space')
    await tabTo(page, 'button[value="send"]')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${server.url}/s/${key}/bedankt`)

    const rows = (await storedAnswerRows(t.services, orgId)).filter((r) => r.status === 'complete')
    const value = (code: string) =>
      rows
        .filter((r) => r.code === code)
        .map((r) => r.date_value ?? r.text_value ?? r.detail_code ?? r.option_code ?? r.numeric_value)
    assert.deepEqual(value('cijfer'), [3])
    assert.deepEqual(
      rows.filter((r) => r.code === 'gevoel').map((r) => [r.option_code, r.detail_code]),
      [['negative', 'onvriendelijk']],
    )
    assert.deepEqual(value('moeite'), [6])
    assert.deepEqual(value('aanbevelen'), [0])
    assert.deepEqual([value('duidelijk'), value('vriendelijk'), value('serieus')], [[4], [4], [4]])
    assert.deepEqual(value('wat_mis'), ['Niemand zei iets.'])
    assert.deepEqual(
      rows.filter((r) => r.code === 'reden').map((r) => [r.option_code, r.text_value]),
      [['other', 'Verhuizing']],
    )
    assert.deepEqual(value('kanalen'), ['telefoon', 'brief'])
    assert.deepEqual(
      rows.filter((r) => r.code === 'eerder').map((r) => r.option_code),
      ['yes'],
    )
    assert.deepEqual(value('bezoekdatum'), ['2026-11-02'])
    assert.deepEqual(value('toelichting'), ['Dank u.'])
    const consents = await t.services.db
      .selectFrom('consent')
      .select(['purpose', 'given'])
      .where('organisation_id', '=', orgId)
      .orderBy('purpose')
      .execute()
    assert.deepEqual(consents, [
      { purpose: 'quoting', given: false },
      { purpose: 'recontact', given: true },
    ])
    await ctx.close()
  })
})
