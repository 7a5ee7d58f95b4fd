/**
 * The kiosk in real Chromium. Staff make a kiosk by keyboard on the page "Kiosken"; the tablet's page
 * then works by touch and keyboard, offline: with the network cut, three answers are queued (nothing
 * stored, the page keeps working and starts again after the reset time), and when the network returns
 * exactly those three are stored with their values, channel and place. A reply lost on the way back
 * (the post reached the server, the page saw a failure) leads to one response, not two. The screen
 * starts again after N seconds, and after inactivity halfway with a warning first. Without JavaScript the
 * same flow works with plain form posts. axe-core (WCAG 2.2 AA) on every state of every page.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { TestDatabase } from '../database.ts'
import { createOrganisationWithStaff, createPublishedSurvey } from '../factories.ts'
import { balieSurvey } from '../fixtures/balie-survey.ts'
import type { TestServer } from '../server.ts'
import {
  assertNoViolations,
  DESKTOP,
  focused,
  logInAsStaff,
  startBrowserTest,
  stopBrowserTest,
} from './browser.ts'

const RESET_SECONDS = 3
const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true }

let t: TestDatabase
let server: TestServer
let browser: Browser
let staffContext: BrowserContext
let staffPage: Page
let staff: Awaited<ReturnType<typeof createOrganisationWithStaff>>
let surveyId: string

/** Makes a kiosk on the staff page by keyboard and returns the tablet's path /kiosk/{token}. */
async function makeKiosk(place: string): Promise<string> {
  await staffPage.goto(`${server.url}/o/${staff.org.slug}/kiosken`)
  await staffPage.locator('#plek').focus()
  await staffPage.keyboard.type(place)
  await staffPage.keyboard.press('Tab') // Kanaal: Balie is chosen already
  await staffPage.keyboard.press('Tab') // Opnieuw beginnen na (seconden)
  await staffPage.keyboard.press('ControlOrMeta+A')
  await staffPage.keyboard.type(String(RESET_SECONDS))
  await staffPage.keyboard.press('Tab')
  assert.match(await focused(staffPage), /button"Maak kiosk"/)
  await staffPage.keyboard.press('Enter')
  const link = staffPage.locator('#kiosk-link')
  await link.waitFor()
  const href = (await link.getAttribute('href')) ?? ''
  const path = new URL(href).pathname
  assert.match(path, /^\/kiosk\/[A-Za-z0-9_-]{43}$/)
  return path
}

/** The responses of the kiosk at `place`, oldest first, with their smiley, reason and channel. */
async function stored(place: string) {
  const rows = await t.services.db
    .selectFrom('response')
    .innerJoin('answer', (j) =>
      j
        .onRef('answer.organisation_id', '=', 'response.organisation_id')
        .onRef('answer.response_id', '=', 'response.id'),
    )
    .innerJoin('channel', (j) =>
      j
        .onRef('channel.organisation_id', '=', 'response.organisation_id')
        .onRef('channel.id', '=', 'response.channel_id'),
    )
    .select([
      'response.context',
      'response.submitted_at',
      'channel.code',
      'answer.option_code',
      'answer.detail_code',
    ])
    .where('response.organisation_id', '=', staff.org.id)
    .where('response.survey_id', '=', surveyId)
    .orderBy('response.submitted_at')
    .execute()
  return rows.filter((r) => (r.context as Record<string, string>).locatie === place)
}

async function until(check: () => Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 200))
  }
  assert.fail(`timed out waiting until ${what}`)
}

/** Waits until the start screen shows again, with focus on its question. */
async function backAtStart(page: Page) {
  await page.locator('#kiosk-start').waitFor({ state: 'visible', timeout: (RESET_SECONDS + 5) * 1000 })
  assert.equal(await page.locator('#kiosk-thanks').isVisible(), false)
}

before(async () => {
  ;({ t, server, browser } = await startBrowserTest())
  staff = await createOrganisationWithStaff(t.services, 'admin')
  surveyId = (await createPublishedSurvey(t.services, staff.org.id, balieSurvey())).id
  staffContext = await browser.newContext(DESKTOP)
  staffPage = await staffContext.newPage()
  await logInAsStaff(staffPage, server.url, staff)
})
after(async () => {
  await staffContext?.close()
  await stopBrowserTest({ browser, server, t })
})

describe('the staff page Kiosken', () => {
  it('has no WCAG violations, with its error summary, and with a new kiosk link', async () => {
    await staffPage.goto(`${server.url}/o/${staff.org.slug}/kiosken`)
    await assertNoViolations(staffPage)
    await staffPage.getByRole('button', { name: 'Maak kiosk' }).click()
    await staffPage.locator('.kb-error-summary').waitFor()
    assert.match(await focused(staffPage), /div/, 'the error summary takes focus')
    await assertNoViolations(staffPage)
    await makeKiosk('Stadskantoor, balie 1')
    await assertNoViolations(staffPage)
  })
})

describe('the kiosk page with JavaScript', () => {
  let context: BrowserContext
  let page: Page
  let path: string
  const place = 'Stadskantoor, balie 3'

  before(async () => {
    path = await makeKiosk(place)
    context = await browser.newContext(TABLET)
    page = await context.newPage()
    await page.goto(`${server.url}${path}`)
  })
  after(() => context?.close())

  it('has no WCAG violations on the start, reason, warning and thanks screens', async () => {
    await assertNoViolations(page)
    await page.getByRole('button', { name: 'Niet tevreden' }).click()
    await page.getByRole('heading', { name: 'Waarom? Kies wat het beste past' }).waitFor()
    await assertNoViolations(page)
    await page.locator('#kiosk-warning').waitFor({ state: 'visible', timeout: (RESET_SECONDS + 3) * 1000 })
    await assertNoViolations(page)
    await page.getByRole('button', { name: 'Ik ben nog bezig' }).click()
    await page.getByRole('button', { name: 'Ik moest lang wachten' }).click()
    await page.getByRole('heading', { name: 'Bedankt voor uw antwoord!' }).waitFor()
    await assertNoViolations(page)
    await backAtStart(page)
    await until(async () => (await stored(place)).length === 1, 10_000, 'the answer is stored')
  })

  it('queues three answers offline, keeps working, and stores exactly those when the network returns', async () => {
    await context.setOffline(true)
    try {
      // 1: by keyboard — not satisfied, with a reason.
      await page.locator('#kiosk-question').focus()
      await page.keyboard.press('Tab')
      assert.match(await focused(page), /button\[name=gezicht\]"Niet tevreden"/)
      await page.keyboard.press('Enter')
      assert.match(await focused(page), /h1#kiosk-why-negative/, 'focus moves to the reason question')
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      assert.match(await focused(page), /button"Men was niet vriendelijk"/)
      await page.keyboard.press('Space')
      await page.getByRole('heading', { name: 'Bedankt voor uw antwoord!' }).waitFor()
      await backAtStart(page)
      // 2: by touch — neutral has no reasons: straight to "Bedankt".
      await page.getByRole('button', { name: 'Neutraal' }).tap()
      await page.getByRole('heading', { name: 'Bedankt voor uw antwoord!' }).waitFor()
      await backAtStart(page)
      // 3: satisfied, reason skipped.
      await page.getByRole('button', { name: 'Tevreden', exact: true }).tap()
      await page.getByRole('button', { name: 'Overslaan' }).tap()
      await page.getByRole('heading', { name: 'Bedankt voor uw antwoord!' }).waitFor()
      await backAtStart(page)

      assert.equal(await page.locator('#kiosk-status').textContent(), '3 antwoorden wachten')
      assert.equal((await stored(place)).length, 1, 'nothing new is stored while offline')
      assert.equal(await page.evaluate(() => navigator.onLine), false)
      assert.match(page.url(), /\/kiosk\//, 'no navigation happened')
    } finally {
      await context.setOffline(false)
    }
    await until(async () => (await stored(place)).length === 4, 15_000, 'the three queued answers are stored')
    await until(
      async () => (await page.locator('#kiosk-status').textContent()) === '',
      5_000,
      'the queue is empty',
    )
    const rows = (await stored(place)).slice(1)
    assert.deepEqual(
      rows.map((r) => [r.option_code, r.detail_code, r.code]),
      [
        ['negative', 'onvriendelijk', 'balie'],
        ['neutral', null, 'balie'],
        ['positive', null, 'balie'],
      ],
    )
    for (const r of rows) assert.deepEqual(r.context, { locatie: place })
    // Answered offline, one reset time apart: the times are when they were given, not when they arrived.
    const [a, b] = rows
    assert.ok(a && b && b.submitted_at.getTime() - a.submitted_at.getTime() >= RESET_SECONDS * 1000 - 500)
  })

  it('stores one response when the reply to a post that reached the server is lost', async () => {
    const before = (await stored(place)).length
    let posts = 0
    const replies: unknown[] = []
    await page.route('**/kiosk/antwoorden', async (route) => {
      posts += 1
      const response = await route.fetch() // the post reaches the server…
      if (posts === 1)
        await route.abort('connectionreset') // …but the page never hears back the first time
      else {
        replies.push(await response.json())
        await route.fulfill({ response })
      }
    })
    await page.getByRole('button', { name: 'Neutraal' }).click()
    await until(async () => posts >= 2, 15_000, 'the page retried')
    await until(
      async () => (await page.locator('#kiosk-status').textContent()) === '',
      10_000,
      'the queue is empty',
    )
    assert.equal((await stored(place)).length, before + 1)
    const retried = replies[0] as { results: { status: string }[] }
    assert.deepEqual(
      retried.results.map((r) => r.status),
      ['duplicate'],
      'the retry found the answer stored by the lost post',
    )
    await page.unroute('**/kiosk/antwoorden')
  })

  it('starts again after inactivity halfway, keeping the smiley without a reason', async () => {
    await backAtStart(page)
    const before = (await stored(place)).length
    await page.getByRole('button', { name: 'Tevreden', exact: true }).click()
    await page.locator('#kiosk-warning').waitFor({ state: 'visible', timeout: (RESET_SECONDS + 3) * 1000 })
    assert.match(await focused(page), /button#kiosk-continue/)
    assert.match((await page.locator('#kiosk-warning').textContent()) ?? '', /Bent u nog bezig\?/)
    await page.locator('#kiosk-start').waitFor({ state: 'visible', timeout: (RESET_SECONDS + 25) * 1000 })
    await until(async () => (await stored(place)).length === before + 1, 10_000, 'the smiley is stored')
    const last = (await stored(place)).at(-1)
    assert.equal(last?.option_code, 'positive')
    assert.equal(last?.detail_code, null)
  })
})

describe('the kiosk page without JavaScript', () => {
  /** Answers "not satisfied" because of the waiting time through the plain forms, checking each page. */
  async function answerByForms(page: Page, path: string, check: () => Promise<void>) {
    await page.goto(`${server.url}${path}`)
    await check()
    await page.getByRole('button', { name: 'Niet tevreden' }).click()
    await page.getByRole('heading', { name: 'Waarom? Kies wat het beste past' }).waitFor()
    await check()
    await page.getByRole('button', { name: 'Ik moest lang wachten' }).click()
    await page.getByRole('heading', { name: 'Bedankt voor uw antwoord!' }).waitFor()
    await check()
    // The Refresh header brings the start page back after the reset time.
    await page.getByRole('heading', { name: 'Hoe tevreden bent u over ons?' }).waitFor({
      timeout: (RESET_SECONDS + 5) * 1000,
    })
  }

  it('works with plain form posts and goes back to the start after the reset time', async () => {
    const place = 'Wijkpost Noord'
    const path = await makeKiosk(place)
    const context = await browser.newContext({ ...TABLET, javaScriptEnabled: false })
    try {
      await answerByForms(await context.newPage(), path, async () => {})
      const rows = await stored(place)
      assert.deepEqual(
        rows.map((r) => [r.option_code, r.detail_code, r.code]),
        [['negative', 'wachttijd', 'balie']],
      )
    } finally {
      await context.close()
    }
  })

  it('has no WCAG violations on the form pages (axe needs JavaScript: the kiosk script is blocked instead)', async () => {
    const path = await makeKiosk('Wijkpost Oost')
    const context = await browser.newContext(TABLET)
    try {
      const page = await context.newPage()
      await page.route('**/kiosk.js', (route) => route.abort())
      await answerByForms(page, path, () => assertNoViolations(page))
      assert.equal((await stored('Wijkpost Oost')).length, 1)
    } finally {
      await context.close()
    }
  })

  it('shows a friendly page without WCAG violations once the kiosk is turned off', async () => {
    const path = await makeKiosk('Tijdelijke balie')
    await staffPage.goto(`${server.url}/o/${staff.org.slug}/kiosken`)
    await staffPage.getByRole('button', { name: 'Zet uit: Tijdelijke balie' }).click()
    await staffPage.getByText('De kiosk staat uit.').waitFor()
    await assertNoViolations(staffPage)
    const context = await browser.newContext(TABLET)
    try {
      const page = await context.newPage()
      const res = await page.goto(`${server.url}${path}`)
      assert.equal(res?.status(), 410)
      await page.getByRole('heading', { name: 'Deze kiosk staat uit' }).waitFor()
      await assertNoViolations(page)
    } finally {
      await context.close()
    }
  })
})
