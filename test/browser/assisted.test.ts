/**
 * Paper questionnaire, paper entry and interview in real Chromium: axe-core (WCAG 2.2 AA) on every page
 * and on the error summary, the print view (no header or settings, the QR image present), and one paper
 * form typed in with the keyboard only, ending on an empty form ready for the next one.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { checkCharacter, formatFormCode } from '../../src/modules/assisted/calc/form-code.ts'
import type { TestDatabase } from '../database.ts'
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
  ;({ t, server, browser, page, staff } = await startStaffBrowserTest('handler'))
})
after(() => stopBrowserTest({ browser, server, t }))

const base = () => `${server.url}/o/${staff.org.slug}/vragenlijsten/${staff.survey.id}`

/** Presses Tab until `target` has the focus (at most `max` times). */
async function tabTo(target: RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    if (target.test(await focused(page))) return
    await page.keyboard.press('Tab')
  }
  assert.fail(`never reached ${target} with Tab; focus is on ${await focused(page)}`)
}

describe('the paper questionnaire', () => {
  it('passes axe on screen, and prints only the forms, with the QR code', async () => {
    await page.emulateMedia({ media: 'screen' })
    await page.goto(`${base()}/papier?aantal=2`)
    await page.getByRole('heading', { level: 1, name: /Papieren vragenlijst/ }).waitFor()
    await assertNoViolations(page)
    assert.equal(await page.locator('section.kb-paper').count(), 2)

    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('header.kb-header').isVisible(), false, 'no header in print')
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false)
    assert.equal(await page.locator('.kb-screen-only').isVisible(), false, 'no settings in print')
    const qr = page
      .locator('section.kb-paper')
      .first()
      .getByRole('img', { name: /QR-code naar de vragenlijst/ })
    assert.equal(await qr.isVisible(), true)
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.kb-paper-qr img')].every(
        (i) => i.complete && i.naturalWidth > 0,
      ),
    )
    const breaks = await page
      .locator('section.kb-paper')
      .first()
      .evaluate((el) => getComputedStyle(el).breakAfter)
    assert.equal(breaks, 'page', 'every copy starts a new sheet')
    await page.emulateMedia({ media: 'screen' })
  })
})

describe('typing in a paper form', () => {
  it('works with the keyboard only and ends on an empty form for the next one', async () => {
    const payload = 'KEYB0RD'
    const code = formatFormCode(`${payload}${checkCharacter(payload)}`)
    await page.goto(`${base()}/papier/invoeren`)
    await assertNoViolations(page)
    await tabTo(/#kb-formuliercode/)
    await page.keyboard.type(code)
    await page.keyboard.press('Tab') // channel: Brief is chosen already
    assert.match(await focused(page), /#kb-kanaal/)
    await page.keyboard.press('Tab')
    await page.keyboard.type('Antwoordnummer')
    await page.keyboard.press('Tab') // the first grade, 1
    assert.match(await focused(page), /#rapportcijfer-1/)
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight') // 7
    assert.match(await focused(page), /#rapportcijfer-7/)
    await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowRight') // duidelijkheid: Oneens, then Eens
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    assert.match(await focused(page), /#duidelijkheid-4/)
    await tabTo(/#waarom/)
    await page.keyboard.type('Fijn dat het op papier kan.')
    await tabTo(/button.*Opslaan en volgend formulier/)
    await page.keyboard.press('Enter')
    await page.getByRole('status').getByText(`Formulier ${code} is opgeslagen.`).waitFor()
    assert.match(await focused(page), /#kb-formuliercode/, 'the next form starts at the form code')
    assert.equal(await page.locator('#kb-formuliercode').inputValue(), '')
    assert.equal(
      await page.locator('#kb-locatie').inputValue(),
      'Antwoordnummer',
      'the place stays for the batch',
    )
    await assertNoViolations(page)
    const stored = await t.services.db
      .selectFrom('paper_form_entry')
      .innerJoin('response', (j) =>
        j
          .onRef('response.organisation_id', '=', 'paper_form_entry.organisation_id')
          .onRef('response.id', '=', 'paper_form_entry.response_id'),
      )
      .select(['response.collection_mode'])
      .where('paper_form_entry.organisation_id', '=', staff.org.id)
      .execute()
    assert.deepEqual(stored, [{ collection_mode: 'paper' }])
  })

  it('shows an accessible error summary for an empty form', async () => {
    await page.goto(`${base()}/papier/invoeren`)
    await page.getByRole('button', { name: 'Opslaan en volgend formulier' }).click()
    await page
      .getByRole('alert')
      .getByRole('link', { name: /Vul de formuliercode in/ })
      .waitFor()
    await page
      .getByRole('alert')
      .getByRole('link', { name: /geen enkele vraag beantwoord/ })
      .click()
    assert.match(await focused(page), /#rapportcijfer|fieldset/)
    await assertNoViolations(page)
  })
})

describe('interview mode', () => {
  it('passes axe with the interviewer wording', async () => {
    await page.goto(`${base()}/interview`)
    await page.getByText('Lees voor bij het begin').waitFor()
    await assertNoViolations(page)
  })
})
