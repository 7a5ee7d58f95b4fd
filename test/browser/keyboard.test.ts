/**
 * Keyboard-only and no-JavaScript use in real Chromium (WCAG 2.1.1 keyboard, 2.4.1 bypass blocks,
 * 2.4.3 focus order, 3.3.1 error identification): the standard survey is completed with Tab, Shift+Tab,
 * arrow keys, Space and Enter only, and the stored response must hold exactly what was chosen.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { storedAnswerRows } from '../answers.ts'
import type { TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, TEST_PASSWORD } from '../factories.ts'
import type { TestServer } from '../server.ts'
import { focused, startBrowserTest, stopBrowserTest } from './browser.ts'

let t: TestDatabase
let server: TestServer
let browser: Browser

before(async () => {
  ;({ t, server, browser } = await startBrowserTest())
})
after(() => stopBrowserTest({ browser, server, t }))

/** Presses a key and asserts where focus went, so a broken focus order fails with a clear message. */
async function press(page: Page, key: string, expected: string) {
  await page.keyboard.press(key)
  assert.equal(await focused(page), expected, `after ${key}`)
}

/** The answers of every response of an organisation, as { question code: stored value } per response. */
async function storedResponses(organisationId: string) {
  const rows = await storedAnswerRows(t.services, organisationId)
  const byResponse = new Map<string, Record<string, string | number>>()
  for (const r of rows) {
    const answers = byResponse.get(r.response_id) ?? {}
    answers[r.code] =
      r.numeric_value !== null ? Number(r.numeric_value) : (r.option_code ?? r.text_value ?? '')
    byResponse.set(r.response_id, answers)
  }
  return [...byResponse.values()]
}

const radio = (code: string, value: string) => `input#${code}-${value}[name=${code}][type=radio]`
const SKIP_LINK = 'a"Naar de inhoud"'
const SUBMIT = 'button[name=_action]"Versturen"'

describe('a person using only the keyboard', () => {
  it('completes the standard survey, recovering from an error through the error summary', async () => {
    const { org, survey } = await createOrganisationWithStaff(t.services)
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/s/${survey.publicKey}`)

    // Focus order follows the visual order: skip link, one stop per question, then the button.
    await press(page, 'Tab', SKIP_LINK)
    for (const code of [
      'rapportcijfer',
      'duidelijkheid',
      'snelheid',
      'deskundigheid',
      'serieus_genomen',
      'gemak',
    ]) {
      await press(page, 'Tab', radio(code, '1'))
    }
    await press(page, 'Tab', 'textarea#waarom[name=waarom]')
    await press(page, 'Tab', 'textarea#verbeteren[name=verbeteren]')
    await press(page, 'Tab', SUBMIT)

    // Submitting without the required grade shows the error summary, focused, linking to the question.
    await page.keyboard.press('Enter')
    await page.getByRole('alert').waitFor()
    assert.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('kb-error-summary') ?? false),
      true,
      'the error summary receives focus so it is announced',
    )
    await page.keyboard.press('Tab')
    assert.match(await focused(page), /^a"Kies een cijfer|^a"Geef antwoord/)
    await press(page, 'Enter', 'fieldset#rapportcijfer')

    // Grade 8: Tab into the group, then seven steps to the right (arrow keys also select).
    await press(page, 'Tab', radio('rapportcijfer', '1'))
    for (let i = 2; i <= 8; i++) await press(page, 'ArrowRight', radio('rapportcijfer', String(i)))
    // "Eens" (4): three steps down.
    await press(page, 'Tab', radio('duidelijkheid', '1'))
    for (let i = 2; i <= 4; i++) await press(page, 'ArrowDown', radio('duidelijkheid', String(i)))
    // "Helemaal oneens" (1): Space selects the focused first option.
    await press(page, 'Tab', radio('snelheid', '1'))
    await page.keyboard.press('Space')
    // "Weet ik niet": arrow left from the first option wraps to the last.
    await press(page, 'Tab', radio('deskundigheid', '1'))
    await press(page, 'ArrowLeft', radio('deskundigheid', 'dont_know'))
    // serieus_genomen and gemak are skipped; type the open answer.
    await press(page, 'Tab', radio('serieus_genomen', '1'))
    await press(page, 'Tab', radio('gemak', '1'))
    await press(page, 'Tab', 'textarea#waarom[name=waarom]')
    await page.keyboard.type('De medewerker legde alles rustig uit.')
    // Back with Shift+Tab into gemak, then "Helemaal eens" (5): ArrowUp wraps to "Weet ik niet", then 5.
    await press(page, 'Shift+Tab', radio('gemak', '1'))
    await press(page, 'ArrowUp', radio('gemak', 'dont_know'))
    await press(page, 'ArrowUp', radio('gemak', '5'))
    await press(page, 'Tab', 'textarea#waarom[name=waarom]')
    await press(page, 'Tab', 'textarea#verbeteren[name=verbeteren]')
    await press(page, 'Tab', SUBMIT)
    await page.keyboard.press('Space')

    await page.waitForURL(`${server.url}/s/${survey.publicKey}/bedankt`)
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Bedankt voor uw mening')
    assert.deepEqual(await storedResponses(org.id), [
      {
        rapportcijfer: 8,
        duidelijkheid: 4,
        snelheid: 1,
        deskundigheid: 'dont_know',
        gemak: 5,
        waarom: 'De medewerker legde alles rustig uit.',
      },
    ])
    await context.close()
  })

  it('finds the skip link first, and it moves focus to the main content', async () => {
    const { survey } = await createOrganisationWithStaff(t.services)
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/s/${survey.publicKey}`)
    await press(page, 'Tab', SKIP_LINK)
    assert.equal(
      await page.getByRole('link', { name: 'Naar de inhoud' }).isVisible(),
      true,
      'the focused skip link is visible',
    )
    await page.keyboard.press('Enter')
    assert.equal(new URL(page.url()).hash, '#main')
    assert.equal(await focused(page), 'main#main', 'focus is on <main> after following the skip link')
    await press(page, 'Tab', radio('rapportcijfer', '1'))
    await context.close()
  })

  it('logs in as staff, reaches the overview and can skip past the header there', async () => {
    const { org, email } = await createOrganisationWithStaff(t.services, 'viewer')
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/login`)
    await press(page, 'Tab', SKIP_LINK)
    await press(page, 'Tab', 'input#email[name=email][type=email]')
    await page.keyboard.type(email)
    await press(page, 'Tab', 'input#password[name=password][type=password]')
    await page.keyboard.type(TEST_PASSWORD)
    await page.keyboard.press('Enter')
    await page.waitForURL(`${server.url}/o/${org.slug}`)
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /^Overzicht /)

    // The header has a link and a logout button; the skip link must jump over both.
    await page.goto(`${server.url}/o/${org.slug}`)
    await press(page, 'Tab', SKIP_LINK)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    assert.equal(
      await page.evaluate(() => document.activeElement?.closest('main') !== null),
      true,
      `after the skip link, Tab lands inside <main>, not on ${await focused(page)}`,
    )
    await context.close()
  })
})

describe('a person whose browser runs no JavaScript', () => {
  it('completes and submits the survey', async () => {
    const { org, survey } = await createOrganisationWithStaff(t.services)
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${server.url}/s/${survey.publicKey}`)
    await page
      .getByRole('group', { name: /Welk cijfer/ })
      .getByLabel('6', { exact: true })
      .check()
    await page
      .getByRole('group', { name: /snel geholpen/ })
      .getByLabel('Oneens', { exact: true })
      .check()
    await page.getByLabel('Wat kunnen we verbeteren?').fill('Langer open op zaterdag.')
    await page.getByRole('button', { name: 'Versturen' }).click()
    await page.waitForURL(`${server.url}/s/${survey.publicKey}/bedankt`)
    assert.deepEqual(await storedResponses(org.id), [
      { rapportcijfer: 6, snelheid: 2, verbeteren: 'Langer open op zaterdag.' },
    ])
    await context.close()
  })
})
