/**
 * The staff survey pages in real Chromium: axe-core (WCAG 2.2 AA) on the list, the editor of a draft
 * (with B1 advice), the editor with errors, the preview and the import report; and a condition added
 * with the keyboard only that the preview then follows.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import type { TestDatabase } from '../database.ts'
import { createOrganisationWithStaff } from '../factories.ts'
import type { TestServer } from '../server.ts'
import { assertNoViolations, DESKTOP, logInAsStaff, startBrowserTest, stopBrowserTest } from './browser.ts'

let t: TestDatabase
let server: TestServer
let browser: Browser
let context: BrowserContext
let page: Page
let slug: string
let publicKey: string

before(async () => {
  ;({ t, server, browser } = await startBrowserTest())
  const org = await createOrganisationWithStaff(t.services, 'admin')
  publicKey = org.survey.publicKey
  slug = org.org.slug
  context = await browser.newContext(DESKTOP)
  page = await context.newPage()
  await logInAsStaff(page, server.url, org)
})
after(() => stopBrowserTest({ context, browser, server, t }))

/** Presses Tab until the element has focus, as a keyboard user would (fails if it is never reached). */
async function tabTo(target: Locator) {
  const handle = await target.elementHandle()
  for (let k = 0; k < 600; k++) {
    if (await page.evaluate((el) => document.activeElement === el, handle)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('never reached with Tab')
}

/** Chooses a grade on the preview's first screen with the arrow keys and goes on. */
async function gradeWithKeyboard(grade: number) {
  await tabTo(page.getByRole('radio', { name: '1', exact: true }))
  await page.keyboard.press('Space')
  for (let k = 1; k < grade; k++) await page.keyboard.press('ArrowRight')
  assert.equal(await page.getByRole('radio', { name: String(grade), exact: true }).isChecked(), true)
  await tabTo(page.getByRole('button', { name: 'Volgende' }))
  await page.keyboard.press('Enter')
  await page.waitForLoadState()
}

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

  it('lets a staff member add a condition with the keyboard only, and the preview follows it', async () => {
    await page.goto(`${server.url}/o/${slug}/vragenlijsten`)
    await tabTo(page.getByRole('button', { name: 'Nieuwe vragenlijst maken' }))
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: /Concept versie 1/ }).waitFor()
    const editor = page.url()
    // The last standard question, "Wat kunnen we verbeteren?", only for a grade of 5 or lower.
    const last = page.locator('fieldset.kb-editor-question').last()
    const n = Number((await last.getAttribute('id'))?.slice(1))
    await tabTo(last.locator('summary').first())
    await page.keyboard.press('Enter')
    await tabTo(page.locator(`#q${n}-if0-question`))
    await page.keyboard.press('ArrowDown')
    assert.equal(await page.locator(`#q${n}-if0-question`).inputValue(), 'rapportcijfer')
    await page.keyboard.press('Tab')
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowDown')
    assert.equal(await page.locator(`#q${n}-if0-op`).inputValue(), 'lte')
    await page.keyboard.press('Tab')
    await page.keyboard.type('5')
    await tabTo(page.getByRole('button', { name: 'Concept opslaan' }))
    await page.keyboard.press('Enter')
    await page.getByText('Het concept is opgeslagen.').waitFor()
    // Saved: the condition shows again, in Dutch, with a fresh empty row, and the page passes axe.
    assert.equal(await page.locator(`#q${n}-if0-value`).inputValue(), '5')
    assert.equal(await page.locator(`#q${n}-if1-question`).inputValue(), '')
    await assertNoViolations(page)

    await tabTo(page.getByRole('link', { name: /Bekijk als inwoner/ }))
    await page.keyboard.press('Enter')
    await page.getByText(/Voorbeeld: zo ziet de vragenlijst eruit/).waitFor()
    const improve = page.getByText('Wat kunnen we verbeteren?')
    assert.equal(await improve.count(), 0, 'the condition puts the question on a later screen')
    await gradeWithKeyboard(4)
    await improve.waitFor()
    await assertNoViolations(page)
    await tabTo(page.getByRole('button', { name: 'Vorige' }))
    await page.keyboard.press('Enter')
    await gradeWithKeyboard(8)
    await page.getByRole('heading', { name: 'Bedankt voor uw mening' }).waitFor()
    assert.equal(await improve.count(), 0, 'a grade of 8 hides the question, so the preview ends')

    // The first question can only depend on hidden fields; a value a grade cannot have is refused,
    // linked from the error summary to its field.
    await page.goto(editor)
    const offered = await page
      .locator('#q0-if0-question option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    assert.deepEqual(offered, ['', 'kanaal', 'zaak', 'locatie'])
    await page.locator(`#q${n}-if0-value`).fill('11')
    await page.getByRole('button', { name: 'Concept opslaan' }).click()
    await page.getByRole('alert').waitFor()
    assert.equal(
      await page.getByRole('alert').getByRole('link').first().getAttribute('href'),
      `#q${n}-if0-value`,
    )
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
